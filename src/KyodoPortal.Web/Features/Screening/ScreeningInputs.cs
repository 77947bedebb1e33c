using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Screening;

/// <summary>利害関係の申告 for one proposal.</summary>
public sealed class DeclarationInput
{
    [Display(Name = "利害関係")]
    public bool? HasConflict { get; set; }

    [Display(Name = "利害関係の内容")]
    public string? Reason { get; set; }
}

public sealed class DeclarationInputValidator : AbstractValidator<DeclarationInput>
{
    public DeclarationInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.HasConflict).NotNull()
            .WithMessage(_ => localizer["利害関係の有無を選んでください。"]);
        RuleFor(x => x.Reason).NotEmpty().When(x => x.HasConflict == true)
            .WithMessage(_ => localizer["利害関係がある場合は、その内容を入力してください。"]);
        RuleFor(x => x.Reason).MaximumLength(ConflictDeclaration.ReasonMaxLength);
    }
}

/// <summary>評価票: one row per criterion of the call's rubric, and the overall comment.</summary>
public sealed class SheetInput
{
    public const string SubmitAction = "submit";

    public List<CriterionScoreInput> Criteria { get; set; } = [];

    [Display(Name = "総評")]
    public string? OverallComment { get; set; }

    /// <summary>The sheet's version when the form was opened; 0 for a sheet not saved yet.</summary>
    public int Version { get; set; }

    /// <summary>Which button was pressed: 下書き保存 or 提出 (<see cref="SubmitAction"/>).</summary>
    public string? Action { get; set; }

    public bool IsSubmit() => string.Equals(Action, SubmitAction, StringComparison.Ordinal);

    public IEnumerable<ScoreEntryDraft> ToDrafts() =>
        Criteria.Select(row => new ScoreEntryDraft(row.CriterionId, row.NotApplicable ? null : row.Points, row.NotApplicable, row.Comment));

    public static SheetInput From(IReadOnlyList<RubricCriterion> criteria, ScoreSheet? sheet) =>
        From(criteria, sheet?.Entries ?? [], sheet?.OverallComment, sheet?.Version ?? FormCommands.NotYetCreated);

    /// <summary>A form over any kind of sheet's entries (screening, evaluation, self-evaluation).</summary>
    public static SheetInput From(IReadOnlyList<RubricCriterion> criteria, IReadOnlyList<ScoreEntry> entries, string? overallComment, int version) => new()
    {
        Criteria =
        [
            .. criteria.Select(criterion => entries.FirstOrDefault(e => e.CriterionId == criterion.Id) is { } entry
                ? new CriterionScoreInput { CriterionId = criterion.Id, Points = entry.Points, NotApplicable = entry.NotApplicable, Comment = entry.Comment }
                : new CriterionScoreInput { CriterionId = criterion.Id }),
        ],
        OverallComment = overallComment,
        Version = version,
    };

    /// <summary>
    /// Checks what needs the rubric (maximum points, completeness when submitting) so the
    /// message lands next to the criterion instead of only in the summary.
    /// </summary>
    public void CheckAgainstRubric(ModelStateDictionary modelState, IReadOnlyList<RubricCriterion> criteria, bool mustBeComplete, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(localizer);
        for (var i = 0; i < Criteria.Count; i++)
        {
            var row = Criteria[i];
            var criterion = criteria.FirstOrDefault(c => c.Id == row.CriterionId);
            if (criterion is null)
            {
                modelState.AddModelError(string.Empty, localizer["評価票に審査基準にない項目が含まれています。"]);
                continue;
            }

            if (!row.NotApplicable && row.Points > criterion.MaxPoints)
            {
                modelState.AddModelError($"Input.Criteria[{i}].Points", localizer["点数は0点から{0}点の間で選んでください。", criterion.MaxPoints]);
            }
        }

        if (!mustBeComplete)
        {
            return;
        }

        for (var i = 0; i < criteria.Count; i++)
        {
            var index = Criteria.FindIndex(row => row.CriterionId == criteria[i].Id);
            if (index < 0 || (Criteria[index].Points is null && !Criteria[index].NotApplicable))
            {
                modelState.AddModelError($"Input.Criteria[{(index < 0 ? i : index)}].Points", localizer["提出するには、点数を選ぶか「該当なし」にしてください。"]);
            }
        }
    }
}

public sealed class CriterionScoreInput
{
    public int CriterionId { get; set; }

    [Display(Name = "点数")]
    public int? Points { get; set; }

    public bool NotApplicable { get; set; }

    [Display(Name = "コメント")]
    public string? Comment { get; set; }
}

public sealed class SheetInputValidator : AbstractValidator<SheetInput>
{
    public SheetInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Criteria).Must(rows => rows.Count <= 100);
        RuleFor(x => x.OverallComment).MaximumLength(ScoreSheet.OverallCommentMaxLength);
        RuleForEach(x => x.Criteria).ChildRules(row =>
        {
            row.RuleFor(r => r.Points).GreaterThanOrEqualTo(0);
            row.RuleFor(r => r.Points).Null().When(r => r.NotApplicable)
                .WithMessage(_ => localizer["該当なしにする場合は、点数を選ばないでください。"]);
            row.RuleFor(r => r.Comment).NotEmpty().When(r => r.NotApplicable)
                .WithMessage(_ => localizer["該当なしにする場合は、その理由をコメントに入力してください。"]);
            row.RuleFor(r => r.Comment).MaximumLength(ScoreEntry.CommentMaxLength);
        });
    }
}
