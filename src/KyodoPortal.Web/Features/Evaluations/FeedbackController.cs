using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Features.Screening;
using KyodoPortal.Web.Infrastructure.Forms;
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
public sealed class FeedbackController(KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string SelfEvaluationView = "SelfEvaluation";
    private const string FeedbackView = "Feedback";

    [Authorize]
    [HttpGet("/projects/{id:int}/years/{fy:int}/self-evaluation")]
    public Task<IActionResult> SelfEvaluation(int id, int fy, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadPartyAsync(id, fy, cancellationToken), async party =>
        {
            var round = await EvaluationQueries.RoundOfYearAsync(db, id, fy, cancellationToken);
            var self = round is null ? null : await EvaluationQueries.SelfEvaluationAsync(db, round.Id, party.Side, tracking: false, cancellationToken);
            return View(SelfEvaluationView, SelfEvaluationPage(party.Project, fy, party.Side, round, self, input: null));
        });

    [Authorize]
    [HttpPost("/projects/{id:int}/years/{fy:int}/self-evaluation")]
    public Task<IActionResult> SelfEvaluation(int id, int fy, [Bind(Prefix = "Input")] SheetInput input, CancellationToken cancellationToken)
    {
        var submitted = false;
        return commands.RunAsync(this, new FormCommand<PartySelfEvaluation>
        {
            Load = ct => LoadSelfEvaluationAsync(id, fy, input, ct),
            Versioned = form => form.Self,
            Version = input.Version,
            Apply = (form, by) =>
            {
                var self = form.Self;
                if (self is null)
                {
                    db.Attach(form.Round);
                    self = form.Round.OpenSelfEvaluation(form.Side, by.UserId, by.Now);
                    db.SelfEvaluations.Add(self);
                }

                var wasSubmitted = self.IsSubmitted;
                self.Save(form.Round, input.ToDrafts(), input.OverallComment, by.UserId, by.Now);
                if (input.IsSubmit() && !self.IsSubmitted)
                {
                    self.Submit(form.Round, by.UserId, by.Now);
                }

                submitted = input.IsSubmit() && !wasSubmitted;
            },
            Done = _ => submitted ? "自己評価を提出しました。" : "自己評価を保存しました。",
            RedirectTo = _ => $"/projects/{id}/years/{fy}/self-evaluation",

            // Both parties' members opening the side's first self-evaluation at once: the second was too late.
            UniqueMessage = FormCommands.ConcurrencyMessage,
            ShowAgain = async (form, ct) =>
            {
                var fresh = await EvaluationQueries.SelfEvaluationAsync(db, form.Round.Id, form.Side, tracking: false, ct);
                input.Version = fresh?.Version ?? FormCommands.NotYetCreated;
                return View(SelfEvaluationView, SelfEvaluationPage(form.Project, fy, form.Side, form.Round, fresh, input));
            },
        }, cancellationToken);
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

    /// <summary>
    /// The project and the side that writes a self-evaluation: 404 unless the user is a party and
    /// the year is in the term; 403 for the office (it reads them on its own page).
    /// </summary>
    private async Task<Loaded<SelfEvaluationParty>> LoadPartyAsync(int id, int fy, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !project.CoversFiscalYear(fy))
        {
            return LoadRefusal.NotFound;
        }

        return ProjectAccess.SideOf(User, project) switch
        {
            ProjectSide.Group => new SelfEvaluationParty(project, SelfEvaluationSide.Group),
            ProjectSide.Department => new SelfEvaluationParty(project, SelfEvaluationSide.Department),
            ProjectSide.None => LoadRefusal.NotFound,
            _ => LoadRefusal.Forbidden,
        };
    }

    /// <summary>The party's self-evaluation of the year's round (404 without a round), the input checked against the round's rubric.</summary>
    private async Task<Loaded<PartySelfEvaluation>> LoadSelfEvaluationAsync(int id, int fy, SheetInput input, CancellationToken cancellationToken)
    {
        var party = await LoadPartyAsync(id, fy, cancellationToken);
        if (party.Value is not { } p)
        {
            return party.Refusal!;
        }

        if (await EvaluationQueries.RoundOfYearAsync(db, id, fy, cancellationToken) is not { } round)
        {
            return LoadRefusal.NotFound;
        }

        var self = await EvaluationQueries.SelfEvaluationAsync(db, round.Id, p.Side, tracking: true, cancellationToken);
        input.CheckAgainstRubric(ModelState, round.Rubric, input.IsSubmit() || self?.IsSubmitted == true, localizer);
        return new PartySelfEvaluation(p.Project, p.Side, round, self);
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
            input ?? SheetInput.From(round.Rubric, self?.Entries ?? [], self?.OverallComment, self?.Version ?? FormCommands.NotYetCreated),
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

/// <summary>A project and the side (group or department) the user writes its self-evaluation for.</summary>
public sealed record SelfEvaluationParty(Project Project, SelfEvaluationSide Side);

/// <summary>A party's self-evaluation of the year's round (null before the first save).</summary>
public sealed record PartySelfEvaluation(Project Project, SelfEvaluationSide Side, EvaluationRound Round, SelfEvaluation? Self);
