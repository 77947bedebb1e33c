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

/// <summary>
/// One entry of a survey's audience: a named account (<see cref="SurveyAudienceKind.NamedAccounts"/>),
/// a department whose staff may answer (<see cref="SurveyAudienceKind.Departments"/>) or a group whose
/// members may answer (<see cref="SurveyAudienceKind.Groups"/>). Departments and groups are stored as
/// chosen, so whoever belongs to them when answering is in.
/// </summary>
public sealed class SurveyAudienceMember
{
    // For EF Core materialization.
    private SurveyAudienceMember()
    {
    }

    private SurveyAudienceMember(string? userId, int? departmentId, int? citizenGroupId)
    {
        UserId = userId;
        DepartmentId = departmentId;
        CitizenGroupId = citizenGroupId;
    }

    public int Id { get; private set; }

    public string? UserId { get; private set; }

    public int? DepartmentId { get; private set; }

    public int? CitizenGroupId { get; private set; }

    internal static SurveyAudienceMember Account(string userId) => new(userId, null, null);

    internal static SurveyAudienceMember Department(int departmentId) => new(null, departmentId, null);

    internal static SurveyAudienceMember Group(int citizenGroupId) => new(null, null, citizenGroupId);

    internal SurveyAudienceMember Copy() => new(UserId, DepartmentId, CitizenGroupId);
}

/// <summary>Who is asking to answer: the account and its affiliations (from the session, which is renewed when they change).</summary>
public sealed record SurveyRespondent(string UserId, int? DepartmentId, int? CitizenGroupId);
