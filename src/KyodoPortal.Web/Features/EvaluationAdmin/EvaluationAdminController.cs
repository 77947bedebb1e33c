using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Evaluations;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.EvaluationAdmin;

/// <summary>
/// 評価・検証 for the coordinating office: opens a round for a project's fiscal year, edits the
/// criteria until scoring starts, assigns committee members and recuses them (as in screening),
/// follows progress and reads every sheet and both self-evaluations, closes the round, writes the
/// consolidated evaluation and publishes it as feedback (optionally to the public) or takes it back.
/// Committee members score on their own pages (Features/Evaluations).
/// </summary>
[Authorize(Policy = KyodoPolicies.Office)]
[Route("evaluation-admin")]
public sealed class EvaluationAdminController(KyodoDbContext db, FormCommands commands) : Controller
{
    private const string RoundView = "Round";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = EvaluationQueries.RoundColumns(db).Query(new ListRequest(q, sort, dir));
        return View(new RoundListViewModel(
            await EvaluationAdminQueries.RoundsAsync(db, query, page, cancellationToken),
            await EvaluationAdminQueries.ReadyYearsAsync(db, cancellationToken),
            query));
    }

    /// <summary>評価を開始 from the fiscal-year page; an existing round of the year is simply opened.</summary>
    [HttpPost("/projects/{id:int}/years/{fy:int}/evaluation")]
    public async Task<IActionResult> Open(int id, int fy, CancellationToken cancellationToken)
    {
        if (await EvaluationQueries.RoundOfYearAsync(db, id, fy, cancellationToken) is { } existing)
        {
            return LocalRedirect(RoundUrl(existing.Id));
        }

        EvaluationRound? round = null;
        return await commands.RunAsync(this, new FormCommand<Project>
        {
            Load = async ct => await ProjectQueries.LoadAsync(db, id, tracking: false, ct) is { } project && project.CoversFiscalYear(fy)
                ? project
                : LoadRefusal.NotFound,
            ApplyAsync = async (project, by, ct) =>
            {
                var accepted = await EvaluationQueries.ReportAcceptedAsync(db, id, fy, ct);
                db.EvaluationRounds.Add(round = new EvaluationRound(project, fy, accepted, by.UserId, by.Now));
            },
            Done = _ => "評価を開始しました。評価項目を確認し、評価委員を割り当ててください。",
            RedirectTo = _ => RoundUrl(round!.Id),
            RedirectOnRefusal = _ => $"/projects/{id}/years/{fy}",

            // Two coordinators opening the same year at once: the second one is told someone was first.
            UniqueMessage = FormCommands.ConcurrencyMessage,
        }, cancellationToken);
    }

    [HttpGet("{roundId:int}")]
    public Task<IActionResult> Round(int roundId, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadRoundAsync(roundId, tracking: false, cancellationToken), async round =>
            View(await EvaluationAdminQueries.DashboardAsync(db, round, null, null, null, cancellationToken)));

    [HttpPost("{roundId:int}/criteria")]
    public Task<IActionResult> Criteria(int roundId, [Bind(Prefix = "CriteriaForm")] CriteriaInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<EvaluationRound>
        {
            Load = ct => LoadRoundAsync(roundId, tracking: true, ct),
            Versioned = round => round,
            Version = input.Version,
            Apply = (round, by) => round.ReplaceCriteria(input.ToDrafts(), by.Now),
            Done = _ => "評価項目を保存しました。",
            RedirectTo = _ => RoundUrl(roundId),
            ShowAgain = (_, ct) => ShowRoundAsync(roundId, input, null, null, ct),
        }, cancellationToken);

    /// <summary>The checked committee members become the round's committee; unchecked ones are unassigned (their records are kept).</summary>
    [HttpPost("{roundId:int}/members")]
    public Task<IActionResult> Members(int roundId, [FromForm] List<string>? memberUserIds, CancellationToken cancellationToken)
    {
        var selected = (memberUserIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).ToHashSet(StringComparer.Ordinal);
        List<string> toAdd = [], toRemove = [];
        return commands.RunAsync(this, new FormCommand<EvaluationRound>
        {
            Load = async ct =>
            {
                if (await EvaluationQueries.RoundAsync(db, roundId, tracking: true, ct) is not { } round)
                {
                    return LoadRefusal.NotFound;
                }

                var current = round.Members.Select(m => m.MemberUserId).ToHashSet(StringComparer.Ordinal);
                toAdd = [.. selected.Where(id => !current.Contains(id))];
                toRemove = [.. current.Where(id => !selected.Contains(id))];
                var committee = (await PeopleDirectory.InRoleAsync(db, KyodoRoles.CommitteeMember, ct)).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
                return toAdd.All(committee.Contains)
                    ? round
                    : LoadRefusal.Redirect(RoundUrl(roundId), "評価委員として登録されている有効なアカウントだけを割り当てられます。");
            },
            Apply = (round, by) =>
            {
                toRemove.ForEach(id => round.RemoveMember(id, by.Now));
                toAdd.ForEach(id => round.AddMember(id, by.Now));
            },
            Done = _ => new("評価委員を更新しました（追加 {0} 名、解除 {1} 名）。", toAdd.Count, toRemove.Count),
            RedirectTo = _ => RoundUrl(roundId),
        }, cancellationToken);
    }

    [HttpPost("{roundId:int}/recusals")]
    public Task<IActionResult> Recuse(int roundId, [Bind(Prefix = "RecusalForm")] EvaluationRecusalInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<EvaluationRound>
        {
            Load = ct => LoadRoundAsync(roundId, tracking: true, ct),
            Apply = (round, by) => round.Recuse(input.MemberUserId!, input.Reason!, by.UserId, by.Now),
            Done = _ => "評価委員をこの事業の評価から除外しました。",
            RedirectTo = _ => RoundUrl(roundId),
            ShowAgain = (_, ct) => ShowRoundAsync(roundId, null, input, null, ct),
        }, cancellationToken);

    [HttpPost("{roundId:int}/close")]
    public Task<IActionResult> Close(int roundId, CancellationToken cancellationToken) =>
        commands.RunAsync(this, RoundButton(roundId, (round, by) => round.Close(by.Now), "評価を終了しました。評価票と自己評価は確定し、変更できなくなりました。", oneWay: true), cancellationToken);

    [HttpPost("{roundId:int}/consolidation")]
    public Task<IActionResult> Consolidate(int roundId, [Bind(Prefix = "ConsolidationForm")] ConsolidationInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<EvaluationRound>
        {
            Load = ct => LoadRoundAsync(roundId, tracking: true, ct),
            Versioned = round => round,
            Version = input.Version,
            Apply = (round, by) => round.Consolidate(input.Strengths, input.Issues, input.Recommendation!.Value, input.RequiredChanges, by.UserId, by.Now),
            Done = _ => "総合評価を保存しました。",
            RedirectTo = _ => RoundUrl(roundId),
            ShowAgain = (_, ct) => ShowRoundAsync(roundId, null, null, input, ct),
        }, cancellationToken);

    /// <summary>フィードバックを公開: to the parties, and to the public when <paramref name="toPublic"/> is ticked.</summary>
    [HttpPost("{roundId:int}/publish")]
    public Task<IActionResult> Publish(int roundId, [FromForm] bool toPublic, CancellationToken cancellationToken) =>
        commands.RunAsync(
            this,
            RoundButton(
                roundId,
                (round, by) => round.PublishFeedback(toPublic, by.Now),
                toPublic ? "フィードバックを事業の関係者と一般に公開しました。" : "フィードバックを事業の関係者に公開しました。"),
            cancellationToken);

    [HttpPost("{roundId:int}/unpublish")]
    public Task<IActionResult> Unpublish(int roundId, CancellationToken cancellationToken) =>
        commands.RunAsync(this, RoundButton(roundId, (round, by) => round.UnpublishFeedback(by.Now), "フィードバックの公開を取り消しました。"), cancellationToken);

    private static string RoundUrl(int roundId) => $"/evaluation-admin/{roundId}";

    /// <summary>A one-button change of the round: a refusal or a conflict goes back to the round page as an error.</summary>
    private FormCommand<EvaluationRound> RoundButton(int roundId, Action<EvaluationRound, Actor> act, UserMessage done, bool oneWay = false) => new()
    {
        RequiresConfirmation = oneWay,
        Load = ct => LoadRoundAsync(roundId, tracking: true, ct),
        Apply = act,
        Done = _ => done,
        RedirectTo = _ => RoundUrl(roundId),
    };

    private async Task<Loaded<EvaluationRound>> LoadRoundAsync(int roundId, bool tracking, CancellationToken cancellationToken) =>
        await EvaluationQueries.RoundAsync(db, roundId, tracking, cancellationToken) is { } round ? round : LoadRefusal.NotFound;

    /// <summary>The round page again with one panel's input and the reasons (the round as it is now).</summary>
    private async Task<IActionResult> ShowRoundAsync(
        int roundId, CriteriaInput? criteria, EvaluationRecusalInput? recusal, ConsolidationInput? consolidation, CancellationToken cancellationToken)
    {
        var round = (await EvaluationQueries.RoundAsync(db, roundId, tracking: false, cancellationToken))!;
        return View(RoundView, await EvaluationAdminQueries.DashboardAsync(db, round, criteria, recusal, consolidation, cancellationToken));
    }
}
