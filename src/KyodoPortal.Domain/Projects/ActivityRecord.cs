using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// 実施記録: one activity or event actually held (第1回セミナー, 定員20人, 参加7人, 参加費0円).
/// Checked against the plan by <see cref="PlanDeviations"/>, so a fee the plan does not show is
/// flagged when it is recorded, not discovered at the report meeting.
/// </summary>
public sealed class ActivityRecord : IVersioned
{
    public const int TitleMaxLength = 150;
    public const int VenueMaxLength = 200;
    public const int NotesMaxLength = 2000;

    // For EF Core materialization.
    private ActivityRecord()
    {
        Title = string.Empty;
        RecordedByUserId = string.Empty;
    }

    private ActivityRecord(int projectId, string userId, DateTime nowUtc)
    {
        ProjectId = projectId;
        Title = string.Empty;
        RecordedByUserId = userId;
        CreatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    /// <summary>実施日.</summary>
    public DateOnly HeldOn { get; private set; }

    /// <summary>Start year of the fiscal year of <see cref="HeldOn"/>; stored for queries.</summary>
    public int FiscalYear { get; private set; }

    public string Title { get; private set; }

    public string? Venue { get; private set; }

    /// <summary>定員; null or 0 when the event has no fixed capacity.</summary>
    public int? Capacity { get; private set; }

    /// <summary>参加者数.</summary>
    public int? Attendance { get; private set; }

    /// <summary>参加費 actually charged per participant (yen); 0 for free, null when not recorded.</summary>
    public long? FeeCharged { get; private set; }

    public string? Notes { get; private set; }

    public string RecordedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public int Version { get; private set; }

    /// <summary>Attendance of capacity (7 of 20 = 35.0%); null without a capacity or an attendance.</summary>
    public Percentage? AttendanceRate => ProjectFigures.AttendanceRate(Attendance, Capacity);

    /// <summary>Records an activity of <paramref name="project"/>, which must be 実施中; the date must fall in its term.</summary>
    public static ActivityRecord Record(Project project, ActivityRecordDraft draft, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        project.EnsureInProgress(new UserMessage("実施記録を登録"));
        var record = new ActivityRecord(project.Id, user, now);
        record.Apply(project, draft, now);
        return record;
    }

    /// <summary>Corrects the record; the date must still fall in the project's term.</summary>
    public void Update(Project project, ActivityRecordDraft draft, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (project.Id != ProjectId)
        {
            throw new ArgumentException("The record belongs to another project.", nameof(project));
        }

        project.EnsureInProgress(new UserMessage("実施記録を修正"));
        Apply(project, draft, now);
    }

    /// <summary>The record as a draft, to pre-fill the edit form.</summary>
    public ActivityRecordDraft ToDraft() => new(HeldOn, Title, Venue, Capacity, Attendance, FeeCharged, Notes);

    private void Apply(Project project, ActivityRecordDraft draft, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var fiscalYear = Common.FiscalYear.Of(draft.HeldOn).StartYear;
        if (!project.CoversFiscalYear(fiscalYear))
        {
            throw new DomainRuleException("実施日が事業期間（{0}）外です。{1}", project.TermLabel(), project.AfterTermHint(fiscalYear));
        }

        if (draft.Capacity < 0 || draft.Attendance < 0)
        {
            throw new DomainRuleException("定員と参加者数は0以上で入力してください。");
        }

        if (draft.FeeCharged is < 0 or > BudgetLine.MaxAmount)
        {
            throw new DomainRuleException("参加費は0円以上の妥当な金額で入力してください。");
        }

        var title = Text.Required(draft.Title, TitleMaxLength, nameof(draft.Title));
        var venue = Text.Optional(draft.Venue, VenueMaxLength, nameof(draft.Venue));
        var notes = Text.Optional(draft.Notes, NotesMaxLength, nameof(draft.Notes));

        HeldOn = draft.HeldOn;
        FiscalYear = fiscalYear;
        Title = title;
        Venue = venue;
        Capacity = draft.Capacity;
        Attendance = draft.Attendance;
        FeeCharged = draft.FeeCharged;
        Notes = notes;
        UpdatedAtUtc = nowUtc;
    }
}

/// <summary>What a form enters for an activity record.</summary>
public sealed record ActivityRecordDraft(
    DateOnly HeldOn,
    string Title,
    string? Venue,
    int? Capacity,
    int? Attendance,
    long? FeeCharged,
    string? Notes = null);
