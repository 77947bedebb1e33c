using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Web.Features.ProjectYears;

/// <summary>What the 実施記録 form binds: one activity or event actually held.</summary>
public sealed class ActivityInput
{
    public const int MaxCount = 1_000_000;

    [Display(Name = "実施日")]
    public DateOnly? HeldOn { get; set; }

    [Display(Name = "名称")]
    public string? Title { get; set; }

    [Display(Name = "会場")]
    public string? Venue { get; set; }

    [Display(Name = "定員")]
    public int? Capacity { get; set; }

    [Display(Name = "参加者数")]
    public int? Attendance { get; set; }

    [Display(Name = "参加費（1人あたり）")]
    public long? FeeCharged { get; set; }

    [Display(Name = "備考")]
    public string? Notes { get; set; }

    public int Version { get; set; }

    public static ActivityInput From(ActivityRecord record) => new()
    {
        HeldOn = record.HeldOn,
        Title = record.Title,
        Venue = record.Venue,
        Capacity = record.Capacity,
        Attendance = record.Attendance,
        FeeCharged = record.FeeCharged,
        Notes = record.Notes,
        Version = record.Version,
    };

    /// <summary>The draft for the domain; call only after validation passed (date and fee are required).</summary>
    public ActivityRecordDraft ToDraft() => new(HeldOn!.Value, Title!, Venue, Capacity, Attendance, FeeCharged, Notes);
}

public sealed class ActivityInputValidator : AbstractValidator<ActivityInput>
{
    public ActivityInputValidator()
    {
        RuleFor(x => x.HeldOn).NotNull();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(ActivityRecord.TitleMaxLength);
        RuleFor(x => x.Venue).MaximumLength(ActivityRecord.VenueMaxLength);
        RuleFor(x => x.Capacity).InclusiveBetween(0, ActivityInput.MaxCount);
        RuleFor(x => x.Attendance).InclusiveBetween(0, ActivityInput.MaxCount);

        // Asked every time (0 for free), so a fee the plan does not show is never left unrecorded.
        RuleFor(x => x.FeeCharged).NotNull().InclusiveBetween(0, BudgetLine.MaxAmount);
        RuleFor(x => x.Notes).MaximumLength(ActivityRecord.NotesMaxLength);
    }
}
