using System.Security.Claims;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Features.Screening;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Evaluations;

/// <summary>
/// The project's parties in an evaluation: the group and the department each write their
/// self-evaluation (自己評価) while the round is open, and read the feedback (フィードバック)
/// once the coordinator publishes it — before that the page says it is not published yet and
/// shows nothing of the evaluation. Non-parties get 404. The public reads the feedback only when
/// the coordinator made it public (otherwise 404).
/// </summary>
public sealed class FeedbackController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    // The views live with the rest of the evaluation feature.
    private const string SelfEvaluationView = "~/Features/Evaluations/SelfEvaluation.cshtml";
    private const string FeedbackView = "~/Features/Evaluations/Feedback.cshtml";

    [Authorize]
    [HttpGet("/projects/{id:int}/years/{fy:int}/self-evaluation")]
    public async Task<IActionResult> SelfEvaluation(int id, int fy, CancellationToken cancellationToken)
    {
        var (project, side) = await PartyAsync(id, fy, cancellationToken);
        if (project is null || side is null)
        {
            return project is null ? NotFound() : Forbid();
        }

        var round = await EvaluationQueries.RoundOfYearAsync(db, id, fy, cancellationToken);
        var self = round is null ? null : await EvaluationQueries.SelfEvaluationAsync(db, round.Id, side.Value, tracking: false, cancellationToken);
        return View(SelfEvaluationView, SelfEvaluationPage(project, fy, side.Value, round, self, input: null));
    }

    [Authorize]
    [HttpPost("/projects/{id:int}/years/{fy:int}/self-evaluation")]
    public async Task<IActionResult> SelfEvaluation(int id, int fy, [Bind(Prefix = "Input")] SheetInput input, CancellationToken cancellationToken)
    {
        var (project, side) = await PartyAsync(id, fy, cancellationToken);
        if (project is null || side is null)
        {
            return project is null ? NotFound() : Forbid();
        }

        var round = await EvaluationQueries.RoundOfYearAsync(db, id, fy, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        var self = await EvaluationQueries.SelfEvaluationAsync(db, round.Id, side.Value, tracking: true, cancellationToken);
        input.CheckAgainstRubric(ModelState, round.Rubric, input.IsSubmit() || self?.IsSubmitted == true, localizer);
        if (ModelState.IsValid)
        {
            try
            {
                if (self is null)
                {
                    db.Attach(round);
                    self = round.OpenSelfEvaluation(side.Value, UserId, Now);
                    db.SelfEvaluations.Add(self);
                }
                else
                {
                    db.ExpectVersion(self, input.Version);
                }

                var wasSubmitted = self.IsSubmitted;
                self.Save(round, input.ToDrafts(), input.OverallComment, UserId, Now);
                if (input.IsSubmit() && !self.IsSubmitted)
                {
                    self.Submit(round, UserId, Now);
                }

                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = (input.IsSubmit() && !wasSubmitted ? localizer["自己評価を提出しました。"] : localizer["自己評価を保存しました。"]).Value;
                return RedirectToAction(nameof(SelfEvaluation), new { id, fy });
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, localizer[FormSave.ConcurrencyMessage]);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                ModelState.AddModelError(string.Empty, localizer[FormSave.ConcurrencyMessage]);
            }

            db.ChangeTracker.Clear();
        }

        var fresh = await EvaluationQueries.SelfEvaluationAsync(db, round.Id, side.Value, tracking: false, cancellationToken);
        input.Version = fresh?.Version ?? 0;
        return View(SelfEvaluationView, SelfEvaluationPage(project, fy, side.Value, round, fresh, input));
    }

    /// <summary>The parties' feedback page: 200 with a "not yet published" state (no content) until publication.</summary>
    [Authorize]
    [HttpGet("/projects/{id:int}/years/{fy:int}/feedback")]
    public async Task<IActionResult> Feedback(int id, int fy, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !project.CoversFiscalYear(fy) || ProjectAccess.SideOf(User, project) == ProjectSide.None)
        {
            return NotFound();
        }

        var round = await EvaluationQueries.RoundOfYearAsync(db, id, fy, cancellationToken);
        return View(FeedbackView, await FeedbackPageAsync(project.Id, project.Title, fy, round is { IsFeedbackPublished: true } ? round : null, isPublic: false, cancellationToken));
    }

    /// <summary>公開: the feedback on the public site, only when the coordinator published it publicly.</summary>
    [AllowAnonymous]
    [HttpGet("/feedback/{roundId:int}")]
    public async Task<IActionResult> Public(int roundId, CancellationToken cancellationToken)
    {
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: false, cancellationToken);
        if (round is null || !round.IsPublicFeedback)
        {
            return NotFound();
        }

        var title = await db.Projects.AsNoTracking().Where(p => p.Id == round.ProjectId).Select(p => p.Title).FirstAsync(cancellationToken);
        return View(FeedbackView, await FeedbackPageAsync(round.ProjectId, title, round.FiscalYear, round, isPublic: true, cancellationToken));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The project when the user is a party and the year is in the term (else project null → 404),
    /// with the side that writes a self-evaluation (null for the office → 403: it reads them on its own page).
    /// </summary>
    private async Task<(Project? Project, SelfEvaluationSide? Side)> PartyAsync(int id, int fy, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        var side = project is null ? ProjectSide.None : ProjectAccess.SideOf(User, project);
        if (project is null || side == ProjectSide.None || !project.CoversFiscalYear(fy))
        {
            return (null, null);
        }

        return side switch
        {
            ProjectSide.Group => (project, SelfEvaluationSide.Group),
            ProjectSide.Department => (project, SelfEvaluationSide.Department),
            _ => (project, null),
        };
    }

    private static SelfEvaluationViewModel SelfEvaluationPage(Project project, int fy, SelfEvaluationSide side, EvaluationRound? round, SelfEvaluation? self, SheetInput? input)
    {
        if (round is null)
        {
            return new SelfEvaluationViewModel(project.Id, project.Title, fy, side, null, null);
        }

        var form = new ScoreFormModel(
            $"/projects/{project.Id}/years/{fy}/self-evaluation",
            EvaluationQueries.CriteriaOf(round),
            input ?? SheetInput.From(round.Rubric, self?.Entries ?? [], self?.OverallComment, self?.Version ?? 0),
            self?.Status,
            round.IsOpen,
            "評価が終了しているため、自己評価は変更できません。");
        return new SelfEvaluationViewModel(project.Id, project.Title, fy, side, EvaluationQueries.Header(round, project.Title), form);
    }

    private async Task<FeedbackViewModel> FeedbackPageAsync(int projectId, string title, int fy, EvaluationRound? published, bool isPublic, CancellationToken cancellationToken) =>
        published is null
            ? new FeedbackViewModel(projectId, title, fy, null, [], null, isPublic)
            : new FeedbackViewModel(projectId, title, fy, published, EvaluationQueries.CriteriaOf(published), await EvaluationQueries.SummaryAsync(db, published, cancellationToken), isPublic);
}
