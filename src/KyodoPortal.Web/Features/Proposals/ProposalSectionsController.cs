using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Proposals;

/// <summary>
/// The sections of a 提案書 (概要, 活動・日程・役割分担, 収支予算, 成果指標), written by the proposing
/// side while the proposal is draft or returned. Each section saves on its own, against the
/// version its form was opened with; nothing is saved unless every check passes.
/// </summary>
[Authorize]
public sealed class ProposalSectionsController(
    KyodoDbContext db,
    FormCommands commands,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/proposals/{id:int}/edit")]
    public Task<IActionResult> Overview(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, OverviewInput.From, nameof(Overview), cancellationToken);

    [HttpPost("/proposals/{id:int}/edit")]
    public Task<IActionResult> Overview(int id, [Bind(Prefix = "Input")] OverviewInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, nameof(Overview), (shown, _) => shown, async (x, by, ct) =>
        {
            var (p, call) = x;
            var groupId = p.ProposingGroupId;
            var departmentId = p.PartnerDepartmentId;
            if (call.ProposalType is ProposalType.GroupProposal)
            {
                departmentId = input.PartnerDepartmentId;
            }
            else if (call.ProposalType is ProposalType.MutualProposal)
            {
                // Both parties are proposers of a mutual proposal: either may name the other while
                // it is open, but neither may replace or drop a party already named (that would
                // take the proposal away from them).
                groupId ??= input.ProposingGroupId;
                departmentId ??= input.PartnerDepartmentId;
            }

            if (!await ProposalForms.PartnersExistAsync(db, ModelState, localizer, groupId == p.ProposingGroupId ? null : groupId, departmentId == p.PartnerDepartmentId ? null : departmentId, ct))
            {
                return;
            }

            p.UpdateOverview(input.Title!, input.Background, input.Purpose, input.Beneficiaries, input.StartFiscalYear!.Value, input.TermYears!.Value, groupId, departmentId, by.Now);
            Refuse(p.TermProblems(call));
        }, cancellationToken);

    [HttpGet("/proposals/{id:int}/plan")]
    public Task<IActionResult> Plan(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, ProposalForms.Plan, nameof(Plan), cancellationToken);

    [HttpPost("/proposals/{id:int}/plan")]
    public Task<IActionResult> Plan(int id, [Bind(Prefix = "Input")] PlanInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, nameof(Plan), (shown, fresh) => ProposalForms.Pad(shown, fresh.TermFiscalYears()), (x, by, _) =>
        {
            var schedule = input.Schedule.ToDrafts().ToList();
            if (!Refuse(x.Proposal.OutsideTermProblems(schedule)))
            {
                x.Proposal.ReplaceActivities(input.Activities.ToDrafts(), by.Now);
                x.Proposal.ReplaceSchedule(schedule, by.Now);
                x.Proposal.ReplaceRoleSplits(input.Roles.ToDrafts(), by.Now);
            }

            return Task.CompletedTask;
        }, cancellationToken);

    [HttpGet("/proposals/{id:int}/budget")]
    public Task<IActionResult> Budget(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, ProposalForms.Budget, nameof(Budget), cancellationToken);

    /// <summary>
    /// A budget is saved only when each year balances and the city share is within the call's
    /// caps; otherwise the form comes back with the person's lines and the reason at that year.
    /// </summary>
    [HttpPost("/proposals/{id:int}/budget")]
    public Task<IActionResult> Budget(int id, [Bind(Prefix = "Input")] BudgetInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, nameof(Budget), (shown, _) => ProposalForms.Pad(shown), (x, by, _) =>
        {
            var (p, call) = x;
            var lines = input.Lines.ToDrafts().ToList();
            if (!Refuse(p.OutsideTermProblems(lines), input.Lines))
            {
                p.ReplaceBudget(lines, by.Now);
                Refuse(p.BudgetProblems(call), input.Lines);
            }

            return Task.CompletedTask;
        }, cancellationToken);

    [HttpGet("/proposals/{id:int}/kpis")]
    public Task<IActionResult> Kpis(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, ProposalForms.Kpis, nameof(Kpis), cancellationToken);

    [HttpPost("/proposals/{id:int}/kpis")]
    public Task<IActionResult> Kpis(int id, [Bind(Prefix = "Input")] KpiInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, nameof(Kpis), (shown, fresh) => ProposalForms.Pad(shown, fresh.TermFiscalYears()), (x, by, _) =>
        {
            var kpis = input.Kpis.ToDrafts().ToList();
            if (!Refuse(x.Proposal.OutsideTermProblems(kpis)))
            {
                x.Proposal.ReplaceKpis(kpis, by.Now);
            }

            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>A section's form, for the proposing side while the proposal is editable (else 403; 404 for non-readers).</summary>
    private Task<IActionResult> ShowAsync<TInput>(int id, Func<Proposal, TInput> input, string view, CancellationToken cancellationToken)
        where TInput : IVersionedInput =>
        commands.ShowAsync(
            this,
            ProposalAccess.LoadAsync(db, User, id, tracking: false, (p, c) => ProposalAccess.IsProposer(User, p, c) && p.IsEditable, cancellationToken),
            async x => (IActionResult)View(view, await SectionAsync(x.Proposal, x.Call, input(x.Proposal), cancellationToken)));

    /// <summary>
    /// One section's save: the proposing side's proposal at the version the form was opened with,
    /// the section's changes, "保存しました。" and back to the proposal — or the section again with
    /// the person's input (padded with blank rows) and the reasons.
    /// </summary>
    private Task<IActionResult> SaveAsync<TInput>(
        int id,
        TInput input,
        string view,
        Func<TInput, Proposal, TInput> pad,
        Func<ProposalAndCall, Actor, CancellationToken, Task> apply,
        CancellationToken cancellationToken)
        where TInput : IVersionedInput =>
        commands.RunAsync(this, new FormCommand<ProposalAndCall>
        {
            Load = ct => ProposalAccess.LoadAsync(db, User, id, tracking: true, (p, c) => ProposalAccess.IsProposer(User, p, c), ct),
            Versioned = x => x.Proposal,
            Version = input.Version,
            ApplyAsync = apply,
            Done = _ => "保存しました。",
            RedirectTo = _ => $"/proposals/{id}",
            UniqueField = "Input",
            ShowAgain = async (x, ct) =>
            {
                // After someone else saved, the form keeps this person's input but carries the current
                // version, so saving again (after reading the message) stores their input deliberately.
                var fresh = (await ProposalQueries.LoadAsync(db, id, tracking: false, ct))!.Value.Proposal;
                var shown = pad(input, fresh);
                shown.Version = fresh.Version;
                return View(view, await SectionAsync(fresh, x.Call, shown, ct));
            },
        }, cancellationToken);

    /// <summary>
    /// Puts each of the proposal's problems that the section form refuses next to its field
    /// (<see cref="ProposalProblemFields"/>), once; true when there was any.
    /// </summary>
    private bool Refuse(IEnumerable<SubmissionProblem> problems, IReadOnlyList<BudgetRow>? lines = null)
    {
        var refused = false;
        foreach (var problem in problems)
        {
            var text = localizer.Localize(problem.AtField);
            foreach (var field in ProposalProblemFields.Of(problem, lines))
            {
                refused = true;
                if (ModelState[field]?.Errors.Any(e => e.ErrorMessage == text) != true)
                {
                    ModelState.AddModelError(field, text);
                }
            }
        }

        return refused;
    }

    /// <summary>Only the overview chooses partners, so only it loads the department and group lists.</summary>
    private async Task<ProposalSectionViewModel<TInput>> SectionAsync<TInput>(Proposal proposal, Call call, TInput input, CancellationToken cancellationToken)
        where TInput : IVersionedInput =>
        new(
            proposal,
            call,
            await ProposalQueries.NamesAsync(db, proposal, cancellationToken),
            input,
            input is OverviewInput
                ? await ProposalQueries.PartnerOptionsAsync(db, proposal.PartnerDepartmentId, proposal.ProposingGroupId, cancellationToken)
                : new PartnerOptions([], []));
}
