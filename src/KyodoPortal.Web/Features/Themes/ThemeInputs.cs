using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Themes;

namespace KyodoPortal.Web.Features.Themes;

public sealed class ThemeInput
{
    [Display(Name = "課題名")]
    public string? Title { get; set; }

    [Display(Name = "課題の内容")]
    public string? Description { get; set; }

    [Display(Name = "目指す姿・協働で実現したいこと")]
    public string? Goal { get; set; }

    [Display(Name = "担当課")]
    public int? DepartmentId { get; set; }

    [Display(Name = "年度")]
    public int? FiscalYear { get; set; }

    [Display(Name = "状態")]
    public ThemeStatus Status { get; set; } = ThemeStatus.Open;

    [Display(Name = "活動分野")]
    public List<int> FieldIds { get; set; } = [];

    [Display(Name = "公開する")]
    public bool IsPublished { get; set; }

    public int Version { get; set; }

    public ThemeDraft ToDraft() =>
        new(Title!, Description!, Goal, DepartmentId!.Value, FiscalYear!.Value, Status, IsPublished, FieldIds);

    public static ThemeInput From(Theme theme) => new()
    {
        Title = theme.Title,
        Description = theme.Description,
        Goal = theme.Goal,
        DepartmentId = theme.DepartmentId,
        FiscalYear = theme.FiscalYear,
        Status = theme.Status,
        FieldIds = [.. theme.Fields.Select(f => f.ActivityFieldId)],
        IsPublished = theme.IsPublished,
        Version = theme.Version,
    };
}

public sealed class ThemeInputValidator : AbstractValidator<ThemeInput>
{
    public ThemeInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Theme.TitleMaxLength);
        RuleFor(x => x.Description).NotEmpty().MaximumLength(Theme.DescriptionMaxLength);
        RuleFor(x => x.Goal).MaximumLength(Theme.GoalMaxLength);
        RuleFor(x => x.DepartmentId).NotNull();
        RuleFor(x => x.FiscalYear).NotNull().InclusiveBetween(2000, 2100);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.FieldIds).NotEmpty().Must(ids => ids.Count <= 20);
    }
}
