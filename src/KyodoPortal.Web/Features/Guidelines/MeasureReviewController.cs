using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// 施策の見直し: one measure's review — its progress over the period, the coordinator's judgement and
/// proposal (with the next period's text), the committee's opinions, and the decision. The office
/// edits; committee members read and write opinions. A refused form comes back with what was typed.
/// </summary>
[Route("guideline/reviews/{id:int}")]
[Authorize(Policy = KyodoPolicies.GuidelineReview)]
public sealed class MeasureReviewController(KyodoDbContext db, FormCommands commands) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await PageAsync(id, null, cancellationToken) is { } page ? View("ReviewMeasure", page) : NotFound();

    [HttpPost("assessment")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Assess(int id, [Bind(Prefix = "Assessment")] AssessmentInput input, CancellationToken cancellationToken) =>
        Change(id, input.Version, (review, _) => review.Assess(input.Implementation, input.Effectiveness, input.Necessity, input.Results),
            "実施状況と評価を保存しました。", page => page with { Assessment = input }, cancellationToken);

    [HttpPost("proposal")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Propose(int id, [Bind(Prefix = "Proposal")] ProposalInput input, CancellationToken cancellationToken) =>
        Change(id, input.Version, (review, guideline) => review.Propose(guideline, input.Choice!.Value, input.Reasons, input.Next.ToDraft(guideline, [])),
            "事務局案を保存しました。", page => page with { Proposal = input }, cancellationToken);

    /// <summary>An opinion: members write at the same time, so a conflict is retried rather than refused.</summary>
    [HttpPost("opinions")]
    public Task<IActionResult> AddOpinion(int id, [Bind(Prefix = "Opinion")] OpinionInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ReviewTarget>
        {
            Load = ct => TargetAsync(id, ct),
            RetryOnConflict = true,
            Apply = (target, by) => target.Review.AddOpinion(by.UserId, input.Text ?? string.Empty, by.Now),
            Done = _ => new("意見を登録しました。"),
            RedirectTo = _ => $"/guideline/reviews/{id}#opinions",
            ShowAgain = (_, ct) => ShowAgainAsync(id, page => page with { Opinion = input }, ct),
        }, cancellationToken);

    [HttpPost("decision")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Decide(int id, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ReviewTarget>
        {
            Load = ct => TargetAsync(id, ct),
            Versioned = target => target.Review,
            Version = input.Version,
            RequiresConfirmation = true,
            Apply = (target, by) => target.Review.Decide(input.Choice!.Value, input.Note, by.UserId, by.Today),
            Done = target => new("見直しを「{0}」に決定しました。", target.Review.Decision!.Value),
            RedirectTo = _ => $"/guideline/reviews/{id}",
            ShowAgain = (_, ct) => ShowAgainAsync(id, page => page with { Decision = input }, ct),
        }, cancellationToken);

    /// <summary>取り下げ: an undecided addition is removed.</summary>
    [HttpPost("withdraw")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Withdraw(int id, int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ReviewTarget>
        {
            Load = ct => TargetAsync(id, ct),
            Versioned = target => target.Review,
            Version = version,
            Apply = (target, _) =>
            {
                target.Review.EnsureWithdrawable();
                db.MeasureReviews.Remove(target.Review);
            },
            Done = target => new("追加の案「{0}」を取り下げました。", target.Review.NextTitle ?? string.Empty),
            RedirectTo = target => $"/guideline/periods/{target.Review.Period.Number}/review",
            RedirectOnRefusal = _ => $"/guideline/reviews/{id}",
        }, cancellationToken);

    private Task<IActionResult> Change(int id, int version, Action<MeasureReview, Guideline> change, string done, Func<ReviewPageViewModel, ReviewPageViewModel> typed, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ReviewTarget>
        {
            Load = ct => TargetAsync(id, ct),
            Versioned = target => target.Review,
            Version = version,
            Apply = (target, _) => change(target.Review, target.Guideline),
            Done = _ => new(done),
            RedirectTo = _ => $"/guideline/reviews/{id}",
            ShowAgain = (_, ct) => ShowAgainAsync(id, typed, ct),
        }, cancellationToken);

    private async Task<IActionResult> ShowAgainAsync(int id, Func<ReviewPageViewModel, ReviewPageViewModel> typed, CancellationToken cancellationToken) =>
        await PageAsync(id, typed, cancellationToken) is { } page ? View("ReviewMeasure", page) : NotFound();

    private async Task<Loaded<ReviewTarget>> TargetAsync(int id, CancellationToken cancellationToken) =>
        await GuidelineQueries.GuidelineAsync(db, cancellationToken, tracked: true) is { } guideline
            && await ReviewQueries.ReviewAsync(db, id, cancellationToken, tracked: true) is { } review
            ? new ReviewTarget(guideline, review)
            : LoadRefusal.NotFound;

    /// <summary>The page with the review as saved, and the forms' inputs from it unless <paramref name="typed"/> puts back what was posted.</summary>
    private async Task<ReviewPageViewModel?> PageAsync(int id, Func<ReviewPageViewModel, ReviewPageViewModel>? typed, CancellationToken cancellationToken)
    {
        if (await GuidelineQueries.GuidelineAsync(db, cancellationToken) is not { } guideline
            || await ReviewQueries.ReviewAsync(db, id, cancellationToken) is not { } review)
        {
            return null;
        }

        var measure = review.Measure;
        var people = review.Opinions.Select(o => o.ByUserId).Append(review.DecidedByUserId ?? string.Empty);
        var page = new ReviewPageViewModel(
            guideline,
            review,
            measure is null ? [] : await GuidelineQueries.DepartmentNamesAsync(db, measure.Departments.Select(d => d.DepartmentId), cancellationToken),
            measure is null ? [] : await GuidelineQueries.ProgressOfAsync(db, measure.Id, cancellationToken),
            await PeopleDirectory.NamesAsync(db, people, cancellationToken),
            AssessmentInput.From(review),
            ProposalInput.From(review),
            new OpinionInput(),
            new DecisionInput { Choice = review.Decision ?? review.Proposal, Version = review.Version },
            User.Meets(KyodoPolicies.Office));
        return typed is null ? page : typed(page);
    }
}
