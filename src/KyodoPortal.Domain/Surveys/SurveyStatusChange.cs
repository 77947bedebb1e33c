namespace KyodoPortal.Domain.Surveys;

/// <summary>One row of a survey's status history: who moved it, when, from what to what.</summary>
public sealed class SurveyStatusChange
{
    // For EF Core materialization.
    private SurveyStatusChange()
    {
        ByUserId = string.Empty;
    }

    internal SurveyStatusChange(SurveyStatus from, SurveyStatus to, string byUserId, DateTime atUtc)
    {
        From = from;
        To = to;
        ByUserId = byUserId;
        AtUtc = atUtc;
    }

    public int Id { get; private set; }

    public SurveyStatus From { get; private set; }

    public SurveyStatus To { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime AtUtc { get; private set; }
}

/// <summary>A named account that may answer a <see cref="SurveyAudienceKind.NamedAccounts"/> survey.</summary>
public sealed class SurveyAudienceMember
{
    // For EF Core materialization.
    private SurveyAudienceMember()
    {
        UserId = string.Empty;
    }

    internal SurveyAudienceMember(string userId)
    {
        UserId = userId;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; }
}
