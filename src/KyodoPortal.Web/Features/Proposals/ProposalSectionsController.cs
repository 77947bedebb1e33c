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
            if (input.TermYears > call.MaxTermYears)
            {
                ModelState.AddModelError("Input.TermYears", localizer["この募集の実施期間は最長 {0} 年度です。", call.MaxTermYears]);
            }
        }, cancellationToken);

    [HttpGet("/proposals/{id:int}/plan")]
    public Task<IActionResult> Plan(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, ProposalForms.Plan, nameof(Plan), cancellationToken);

    [HttpPost("/proposals/{id:int}/plan")]
    public Task<IActionResult> Plan(int id, [Bind(Prefix = "Input")] PlanInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, nameof(Plan), (shown, fresh) => ProposalForms.Pad(shown, fresh.TermFiscalYears()), (x, by, _) =>
        {
            if (YearsWithinTerm(x.Proposal, input.Schedule.Select(s => s.FiscalYear)))
            {
                x.Proposal.ReplaceActivities(input.Activities.ToDrafts(), by.Now);
                x.Proposal.ReplaceSchedule(input.Schedule.ToDrafts(), by.Now);
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
            var years = p.TermFiscalYears();
            for (var i = 0; i < input.Lines.Count; i++)
            {
                if (input.Lines[i].FiscalYear is { } year && !years.Contains(year))
                {
                    ModelState.AddModelError($"Input.Lines[{i}].FiscalYear", localizer["事業期間外の年度です。"]);
                }
            }

            if (ModelState.IsValid)
            {
                p.ReplaceBudget(input.Lines.ToDrafts(), by.Now);
                AddBudgetProblems(p, call);
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
            if (YearsWithinTerm(x.Proposal, input.Kpis.SelectMany(k => k.Targets).Select(t => t.FiscalYear)))
            {
                x.Proposal.ReplaceKpis(input.Kpis.ToDrafts(), by.Now);
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

    /// <summary>Each year balances and stays within the call's yearly cap, and the whole term within its total cap; the reason goes at the year.</summary>
    private void AddBudgetProblems(Proposal proposal, Call call)
    {
        foreach (var year in proposal.BudgetByYear())
        {
            var key = $"Budget.{year.FiscalYear.StartYear}";
            if (!year.Balanced)
            {
                ModelState.AddModelError(key, localizer.Localize(new UserMessage("{0}: 収入 {1} と支出 {2} が一致していません。", year.FiscalYear, new Yen(year.IncomeTotal), new Yen(year.ExpenseTotal))));
            }

            if (year.CityShare > call.MaxCitySharePerYear)
            {
                ModelState.AddModelError(key, localizer.Localize(new UserMessage("{0}: 市負担金 {1} が1年度の上限 {2} を超えています。", year.FiscalYear, new Yen(year.CityShare), new Yen(call.MaxCitySharePerYear))));
            }
        }

        if (proposal.CityShareTotal > call.MaxCityShareTotal)
        {
            ModelState.AddModelError("Budget.Total", localizer.Localize(new UserMessage("市負担金の合計 {0} が全期間の上限 {1} を超えています。", new Yen(proposal.CityShareTotal), new Yen(call.MaxCityShareTotal))));
        }
    }

    /// <summary>The year fields are hidden inputs: a tampered one is refused, not saved or thrown.</summary>
    private bool YearsWithinTerm(Proposal proposal, IEnumerable<int> years)
    {
        var term = proposal.TermFiscalYears();
        if (years.All(term.Contains))
        {
            return true;
        }

        ModelState.AddModelError(string.Empty, localizer["事業期間外の年度です。"]);
        return false;
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
