using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Web.Infrastructure.Formatting;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Calls;

public sealed class CallInput
{
    /// <summary>Blank criterion rows the form offers, so criteria can be added without JavaScript.</summary>
    public const int CriterionRows = 8;

    [Display(Name = "募集名")]
    public string? Name { get; set; }

    [Display(Name = "提案の種類")]
    public ProposalType? ProposalType { get; set; }

    [Display(Name = "対象年度")]
    public int? FiscalYear { get; set; }

    [Display(Name = "受付開始（日本時間）")]
    public DateTime? OpensAt { get; set; }

    [Display(Name = "受付終了（日本時間）")]
    public DateTime? ClosesAt { get; set; }

    [Display(Name = "市負担金の上限（1事業・全期間）")]
    public long? MaxCityShareTotal { get; set; }

    [Display(Name = "市負担金の上限（1事業・1年度）")]
    public long? MaxCitySharePerYear { get; set; }

    [Display(Name = "最長の実施期間（年度数）")]
    public int? MaxTermYears { get; set; }

    [Display(Name = "募集要項・案内")]
    public string? Guidance { get; set; }

    [Display(Name = "関連する行政課題")]
    public List<int> ThemeIds { get; set; } = [];

    public List<CriterionInput> Criteria { get; set; } = [];

    public int Version { get; set; }

    /// <summary>The rows the user filled in (blank rows are the form's spare lines), for the domain.</summary>
    /// <remarks>A method, not a property: MVC's validation walks every public property of an input.</remarks>
    public IEnumerable<ScreeningCriterionDraft> ToCriterionDrafts() =>
        Criteria.Where(c => !c.IsBlank).Select(c => new ScreeningCriterionDraft(c.Name!.Trim(), c.Description, c.Weight!.Value, c.MaxPoints!.Value));

    public void PadCriteria()
    {
        while (Criteria.Count < CriterionRows)
        {
            Criteria.Add(new CriterionInput());
        }
    }

    public static CallInput From(Call call)
    {
        var input = new CallInput
        {
            Name = call.Name,
            ProposalType = call.ProposalType,
            FiscalYear = call.FiscalYear,
            OpensAt = JapanTime.FromUtc(call.OpensAtUtc),
            ClosesAt = JapanTime.FromUtc(call.ClosesAtUtc),
            MaxCityShareTotal = call.MaxCityShareTotal,
            MaxCitySharePerYear = call.MaxCitySharePerYear,
            MaxTermYears = call.MaxTermYears,
            Guidance = call.Guidance,
            ThemeIds = [.. call.Themes.Select(t => t.ThemeId)],
            Criteria = [.. call.Criteria.OrderBy(c => c.SortOrder).Select(c => new CriterionInput { Name = c.Name, Description = c.Description, Weight = c.Weight, MaxPoints = c.MaxPoints })],
            Version = call.Version,
        };
        input.PadCriteria();
        return input;
    }
}

public sealed class CriterionInput
{
    [Display(Name = "審査基準")]
    public string? Name { get; set; }

    [Display(Name = "説明")]
    public string? Description { get; set; }

    [Display(Name = "配点の重み")]
    public int? Weight { get; set; }

    [Display(Name = "満点")]
    public int? MaxPoints { get; set; }

    internal bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description) && Weight is null && MaxPoints is null;
}

public sealed class CallInputValidator : AbstractValidator<CallInput>
{
    public CallInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Call.NameMaxLength);
        RuleFor(x => x.ProposalType).NotNull().IsInEnum();
        RuleFor(x => x.FiscalYear).NotNull().InclusiveBetween(2000, 2100);
        RuleFor(x => x.OpensAt).NotNull();
        RuleFor(x => x.ClosesAt).NotNull()
            .GreaterThan(x => x.OpensAt).When(x => x.OpensAt is not null)
            .WithMessage(_ => localizer["受付終了は受付開始より後にしてください。"]);
        RuleFor(x => x.MaxCityShareTotal).NotNull().InclusiveBetween(1, 999_999_999_999);
        RuleFor(x => x.MaxCitySharePerYear).NotNull().InclusiveBetween(1, 999_999_999_999)
            .LessThanOrEqualTo(x => x.MaxCityShareTotal).When(x => x.MaxCityShareTotal is not null)
            .WithMessage(_ => localizer["1年度の上限は全期間の上限以下にしてください。"]);
        RuleFor(x => x.MaxTermYears).NotNull().InclusiveBetween(Call.MinTermYears, Call.MaxTermYearsLimit);
        RuleFor(x => x.Guidance).MaximumLength(Call.GuidanceMaxLength);
        RuleFor(x => x.Criteria).Must(c => c.Count(r => !r.IsBlank) <= 20)
            .Must(c => c.Where(r => !r.IsBlank).GroupBy(r => r.Name?.Trim()).All(g => g.Count() == 1))
            .WithMessage(_ => localizer["同じ名前の審査基準が複数あります。"]);
        RuleForEach(x => x.Criteria).ChildRules(row =>
        {
            row.RuleFor(c => c.Name).NotEmpty().MaximumLength(ScreeningCriterion.NameMaxLength).When(c => !c.IsBlank);
            row.RuleFor(c => c.Description).MaximumLength(ScreeningCriterion.DescriptionMaxLength);
            row.RuleFor(c => c.Weight).NotNull().InclusiveBetween(ScreeningCriterion.MinWeight, ScreeningCriterion.MaxWeight).When(c => !c.IsBlank);
            row.RuleFor(c => c.MaxPoints).NotNull().InclusiveBetween(ScreeningCriterion.MinMaxPoints, ScreeningCriterion.MaxMaxPoints).When(c => !c.IsBlank);
        });
    }
}
