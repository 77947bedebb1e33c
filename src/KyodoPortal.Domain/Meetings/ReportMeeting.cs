using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Meetings;

/// <summary>
/// 報告会: the yearly meeting where projects report on a fiscal year (e.g. 平成30年度協働事業報告会
/// on 平成29年度 projects) and the committee asks questions. It holds the agenda (projects in
/// presentation order) and the committee members present. The Q&amp;A minutes are an aggregate of
/// their own (<see cref="Minutes"/>) that points here.
/// </summary>
public sealed class ReportMeeting : IVersioned
{
    public const int NameMaxLength = 150;
    public const int VenueMaxLength = 200;

    private readonly List<AgendaItem> _agenda = [];
    private readonly List<MeetingAttendee> _attendees = [];

    // For EF Core materialization.
    private ReportMeeting()
    {
        Name = string.Empty;
        CreatedByUserId = string.Empty;
    }

    private ReportMeeting(ReportMeetingDetails details, string userId, DateTime nowUtc)
    {
        Name = details.Name;
        HeldOn = details.HeldOn;
        StartsAt = details.StartsAt;
        EndsAt = details.EndsAt;
        Venue = details.Venue;
        ReportedFiscalYear = details.ReportedFiscalYear;
        IsPublic = details.IsPublic;
        Status = MeetingStatus.Scheduled;
        CreatedByUserId = userId;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    /// <summary>e.g. 令和7年度協働事業報告会.</summary>
    public string Name { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public TimeOnly? StartsAt { get; private set; }

    public TimeOnly? EndsAt { get; private set; }

    public string? Venue { get; private set; }

    /// <summary>Start year of the fiscal year reported on, e.g. 2024 for 令和6年度事業.</summary>
    public int ReportedFiscalYear { get; private set; }

    /// <summary>Whether the public may attend (公開).</summary>
    public bool IsPublic { get; private set; }

    public MeetingStatus Status { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? HeldRecordedAtUtc { get; private set; }

    public int Version { get; private set; }

    /// <summary>The projects in presentation order.</summary>
    public IReadOnlyList<AgendaItem> Agenda => _agenda;

    /// <summary>The committee members present, in the order they were listed.</summary>
    public IReadOnlyList<MeetingAttendee> Attendees => _attendees;

    /// <summary>Schedules a meeting (予定).</summary>
    public static ReportMeeting Schedule(ReportMeetingDetails details, string userId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        return new ReportMeeting(Check(details), user, now);
    }

    /// <summary>Changes the name, date, time, venue, year reported on and openness, before or after the meeting.</summary>
    public void Update(ReportMeetingDetails details, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var valid = Check(details);
        Name = valid.Name;
        HeldOn = valid.HeldOn;
        StartsAt = valid.StartsAt;
        EndsAt = valid.EndsAt;
        Venue = valid.Venue;
        ReportedFiscalYear = valid.ReportedFiscalYear;
        IsPublic = valid.IsPublic;
        UpdatedAtUtc = now;
    }

    public ReportMeetingDetails ToDetails() => new(Name, HeldOn, StartsAt, EndsAt, Venue, ReportedFiscalYear, IsPublic);

    /// <summary>
    /// Replaces the agenda with <paramref name="items"/> in that order (1, 2, …). A project
    /// already on the agenda keeps its item (and id) and takes the new order and snapshot.
    /// </summary>
    public void SetAgenda(IEnumerable<AgendaItemDraft> items, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var drafts = items.Select(AgendaItem.Check).ToList();
        var duplicate = drafts.GroupBy(draft => draft.ProjectId).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("議題に同じ協働事業が重複しています（{0}）。", duplicate.First().ProjectTitle);
        }

        _agenda.RemoveAll(item => !drafts.Any(draft => draft.ProjectId == item.ProjectId));
        for (var index = 0; index < drafts.Count; index++)
        {
            var draft = drafts[index];
            var existing = _agenda.FirstOrDefault(item => item.ProjectId == draft.ProjectId);
            if (existing is null)
            {
                _agenda.Add(new AgendaItem(draft, index + 1));
            }
            else
            {
                existing.Apply(draft, index + 1);
            }
        }

        _agenda.Sort((left, right) => left.Order.CompareTo(right.Order));
        UpdatedAtUtc = now;
    }

    /// <summary>Replaces the committee members present; the same user twice is refused.</summary>
    public void SetAttendees(IEnumerable<string> userIds, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var ids = userIds.Select(id => Text.Required(id, Proposal.UserIdMaxLength, nameof(userIds))).ToList();
        if (ids.Count != ids.Distinct(StringComparer.Ordinal).Count())
        {
            throw new DomainRuleException("出席委員が重複しています。");
        }

        _attendees.RemoveAll(attendee => !ids.Contains(attendee.UserId, StringComparer.Ordinal));
        for (var index = 0; index < ids.Count; index++)
        {
            var existing = _attendees.FirstOrDefault(attendee => string.Equals(attendee.UserId, ids[index], StringComparison.Ordinal));
            if (existing is null)
            {
                _attendees.Add(new MeetingAttendee(ids[index], index + 1));
            }
            else
            {
                existing.MoveTo(index + 1);
            }
        }

        _attendees.Sort((left, right) => left.Order.CompareTo(right.Order));
        UpdatedAtUtc = now;
    }

    /// <summary>予定 → 開催済み, on or after the meeting day (in Japan).</summary>
    public void MarkHeld(DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (Status == MeetingStatus.Held)
        {
            throw new DomainRuleException("この報告会はすでに「{0}」です。", MeetingStatus.Held);
        }

        if (UtcTime.JapanDate(now) < HeldOn)
        {
            throw new DomainRuleException("開催日より前に開催済みにはできません。");
        }

        Status = MeetingStatus.Held;
        HeldRecordedAtUtc = now;
        UpdatedAtUtc = now;
    }

    public bool HasOnAgenda(int projectId) => _agenda.Any(item => item.ProjectId == projectId);

    public bool IsAttendee(string? userId) =>
        _attendees.Any(attendee => string.Equals(attendee.UserId, userId, StringComparison.Ordinal));

    private static ReportMeetingDetails Check(ReportMeetingDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var name = Text.Optional(details.Name, NameMaxLength, nameof(details.Name))
            ?? throw new DomainRuleException("報告会の名称を入力してください。");
        _ = new FiscalYear(details.ReportedFiscalYear);
        if (details.StartsAt is { } start && details.EndsAt is { } end && end <= start)
        {
            throw new DomainRuleException("終了時刻は開始時刻より後にしてください。");
        }

        if (details.EndsAt is not null && details.StartsAt is null)
        {
            throw new DomainRuleException("終了時刻を入力するときは開始時刻も入力してください。");
        }

        // A meeting reports on a year that has ended or is ending: never on a year after the meeting's.
        if (details.ReportedFiscalYear > FiscalYear.Of(details.HeldOn).StartYear)
        {
            throw new DomainRuleException("報告対象の年度（{0}）が開催日より後の年度です。", new FiscalYear(details.ReportedFiscalYear));
        }

        return details with
        {
            Name = name,
            Venue = Text.Optional(details.Venue, VenueMaxLength, nameof(details.Venue)),
        };
    }
}

/// <summary>What the coordinator enters for a meeting.</summary>
public sealed record ReportMeetingDetails(
    string Name,
    DateOnly HeldOn,
    TimeOnly? StartsAt,
    TimeOnly? EndsAt,
    string? Venue,
    int ReportedFiscalYear,
    bool IsPublic);
