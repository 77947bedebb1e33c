namespace KyodoPortal.Domain.Calls;

/// <summary>A collaboration theme (行政課題) a call invites proposals for, referenced by id.</summary>
public sealed class CallTheme
{
    // For EF Core materialization.
    private CallTheme()
    {
    }

    internal CallTheme(int themeId)
    {
        ThemeId = themeId;
    }

    public int Id { get; private set; }

    public int ThemeId { get; private set; }
}
