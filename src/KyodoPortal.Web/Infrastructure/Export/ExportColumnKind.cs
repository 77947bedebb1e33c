namespace KyodoPortal.Web.Infrastructure.Export;

/// <summary>How a column's values are typed in the file; decides quoting in CSV and cell types and formats in Excel.</summary>
public enum ExportColumnKind
{
    Text,
    Number,
    Yen,
    Date,
    DateTime,
}
