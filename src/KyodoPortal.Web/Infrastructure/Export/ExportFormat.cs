namespace KyodoPortal.Web.Infrastructure.Export;

/// <summary>The download formats an export action offers (bound case-insensitively from <c>?format=csv</c>).</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}
