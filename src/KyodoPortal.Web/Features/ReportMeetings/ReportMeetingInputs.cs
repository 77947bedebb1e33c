using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;

namespace KyodoPortal.Web.Features.ReportMeetings;

/// <summary>What the 報告会 form binds: name, date and time, venue, the year reported on, openness and the members present.</summary>
public sealed class MeetingInput
{
    [Display(Name = "報告会の名称")]
    public string? Name { get; set; }

    [Display(Name = "開催日")]
    public DateOnly? HeldOn { get; set; }

    [Display(Name = "開始時刻")]
    public TimeOnly? StartsAt { get; set; }

    [Display(Name = "終了時刻")]
    public TimeOnly? EndsAt { get; set; }

    [Display(Name = "会場")]
    public string? Venue { get; set; }

    [Display(Name = "報告対象年度")]
    public int? ReportedFiscalYear { get; set; }

    [Display(Name = "公開")]
    public bool IsPublic { get; set; }

    [Display(Name = "出席委員")]
    public List<string> AttendeeIds { get; set; } = [];

    public int Version { get; set; }

    public static MeetingInput From(ReportMeeting meeting) => new()
    {
        Name = meeting.Name,
        HeldOn = meeting.HeldOn,
        StartsAt = meeting.StartsAt,
        EndsAt = meeting.EndsAt,
        Venue = meeting.Venue,
        ReportedFiscalYear = meeting.ReportedFiscalYear,
        IsPublic = meeting.IsPublic,
        AttendeeIds = [.. meeting.Attendees.OrderBy(a => a.Order).Select(a => a.UserId)],
        Version = meeting.Version,
    };

    /// <summary>Call only after validation passed (date and year are required).</summary>
    public ReportMeetingDetails ToDetails() => new(Name!, HeldOn!.Value, StartsAt, EndsAt, Venue, ReportedFiscalYear!.Value, IsPublic);
}

public sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public MeetingInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(ReportMeeting.NameMaxLength);
        RuleFor(x => x.HeldOn).NotNull();
        RuleFor(x => x.Venue).MaximumLength(ReportMeeting.VenueMaxLength);
        RuleFor(x => x.ReportedFiscalYear).NotNull().InclusiveBetween(FiscalYear.MinStartYear, FiscalYear.MaxStartYear);
    }
}

/// <summary>Puts a project on the agenda (at the end).</summary>
public sealed class AgendaAddInput
{
    [Display(Name = "報告する協働事業")]
    public int? ProjectId { get; set; }

    public int Version { get; set; }
}

public sealed class AgendaAddInputValidator : AbstractValidator<AgendaAddInput>
{
    public AgendaAddInputValidator() => RuleFor(x => x.ProjectId).NotNull();
}
