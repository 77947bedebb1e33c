using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Proposals;

/// <summary>
/// 提案書: written by the proposing side section by section while draft or returned, submitted
/// inside the call's window when complete, returned by the coordinating office with a comment,
/// resubmitted, or withdrawn. Every action checks the proposal itself, not only the menu.
/// </summary>
[Authorize]
public sealed class ProposalsController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/proposals")]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken) =>
        View(await ProposalQueries.MineAsync(db, User.GetCitizenGroupId(), User.GetDepartmentId(), cancellationToken));

    [HttpGet("/calls/{callId:int}/proposals/new")]
    [Authorize(Roles = KyodoRoles.GroupMember + "," + KyodoRoles.DepartmentStaff)]
    public async Task<IActionResult> Create(int callId, CancellationToken cancellationToken)
    {
        var call = await OpenCallAsync(callId, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        return ProposalAccess.MayPropose(User, call.ProposalType) ? View(await NewViewModelAsync(call, new NewProposalInput(), cancellationToken)) : Forbid();
    }

    [HttpPost("/calls/{callId:int}/proposals/new")]
    [Authorize(Roles = KyodoRoles.GroupMember + "," + KyodoRoles.DepartmentStaff)]
    public async Task<IActionResult> Create(int callId, [Bind(Prefix = "Input")] NewProposalInput input, CancellationToken cancellationToken)
    {
        var call = await OpenCallAsync(callId, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (!ProposalAccess.MayPropose(User, call.ProposalType))
        {
            return Forbid();
        }

        // The proposer's own side comes from the account, never from the form.
        var groupId = call.ProposalType is ProposalType.DepartmentProposal ? null : User.GetCitizenGroupId() ?? input.ProposingGroupId;
        var departmentId = call.ProposalType is ProposalType.DepartmentProposal ? User.GetDepartmentId() : input.PartnerDepartmentId;
        if (User.IsInRole(KyodoRoles.DepartmentStaff) && call.ProposalType is ProposalType.MutualProposal && !User.IsInRole(KyodoRoles.GroupMember))
        {
            departmentId = User.GetDepartmentId();
            groupId = input.ProposingGroupId;
        }

        if (ModelState.IsValid && await ReferencesExistAsync(groupId, departmentId, "Input", cancellationToken))
        {
            var proposal = new Proposal(call, input.Title!, groupId, departmentId, UserId, Now);
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = localizer["提案「{0}」を下書きとして作成しました。各項目を入力してから提出してください。", proposal.Title].Value;
            return RedirectToAction(nameof(Overview), new { id = proposal.Id });
        }

        return View(await NewViewModelAsync(call, input, cancellationToken));
    }

    [HttpGet("/proposals/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        return ProposalAccess.CanView(User, page.Call.ProposalType, page.Proposal.ProposingGroupId, page.Proposal.PartnerDepartmentId) ? View(page) : NotFound();
    }

    [HttpGet("/proposals/{id:int}/print")]
    public async Task<IActionResult> Print(int id, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, cancellationToken);
        if (page is null || !ProposalAccess.CanView(User, page.Call.ProposalType, page.Proposal.ProposingGroupId, page.Proposal.PartnerDepartmentId))
        {
            return NotFound();
        }

        return View(page);
    }

    [HttpGet("/proposals/{id:int}/edit")]
    public Task<IActionResult> Overview(int id, CancellationToken cancellationToken) =>
        EditAsync(id, (p, _) => Task.FromResult<object>(OverviewInput.From(p)), "Overview", cancellationToken);

    [HttpPost("/proposals/{id:int}/edit")]
    public Task<IActionResult> Overview(int id, [Bind(Prefix = "Input")] OverviewInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, input.Version, "Overview", async (p, call) =>
        {
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

            if (!await ReferencesExistAsync(groupId == p.ProposingGroupId ? null : groupId, departmentId == p.PartnerDepartmentId ? null : departmentId, "Input", cancellationToken))
            {
                return false;
            }

            p.UpdateOverview(input.Title!, input.Background, input.Purpose, input.Beneficiaries, input.StartFiscalYear!.Value, input.TermYears!.Value, groupId, departmentId, Now);
            if (input.TermYears > call.MaxTermYears)
            {
                ModelState.AddModelError("Input.TermYears", localizer["この募集の実施期間は最長 {0} 年度です。", call.MaxTermYears]);
                return false;
            }

            return true;
        }, cancellationToken);

    [HttpGet("/proposals/{id:int}/plan")]
    public Task<IActionResult> Plan(int id, CancellationToken cancellationToken) =>
        EditAsync(id, (p, _) => Task.FromResult<object>(ProposalForms.Plan(p)), "Plan", cancellationToken);

    [HttpPost("/proposals/{id:int}/plan")]
    public Task<IActionResult> Plan(int id, [Bind(Prefix = "Input")] PlanInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, input.Version, "Plan", (p, _) =>
        {
            if (!YearsWithinTerm(p, input.Schedule.Select(s => s.FiscalYear)))
            {
                return Task.FromResult(false);
            }

            p.ReplaceActivities(input.Activities.ToDrafts(), Now);
            p.ReplaceSchedule(input.Schedule.ToDrafts(), Now);
            p.ReplaceRoleSplits(input.Roles.ToDrafts(), Now);
            return Task.FromResult(true);
        }, cancellationToken);

    [HttpGet("/proposals/{id:int}/budget")]
    public Task<IActionResult> Budget(int id, CancellationToken cancellationToken) =>
        EditAsync(id, (p, _) => Task.FromResult<object>(ProposalForms.Budget(p)), "Budget", cancellationToken);

    /// <summary>
    /// A budget is saved only when each year balances and the city share is within the call's
    /// caps; otherwise the form comes back with the person's lines and the reason at that year.
    /// </summary>
    [HttpPost("/proposals/{id:int}/budget")]
    public Task<IActionResult> Budget(int id, [Bind(Prefix = "Input")] BudgetInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, input.Version, "Budget", (p, call) =>
        {
            var years = p.TermFiscalYears();
            for (var i = 0; i < input.Lines.Count; i++)
            {
                if (input.Lines[i].FiscalYear is { } year && !years.Contains(year))
                {
                    ModelState.AddModelError($"Input.Lines[{i}].FiscalYear", localizer["事業期間外の年度です。"]);
                }
            }

            if (!ModelState.IsValid)
            {
                return Task.FromResult(false);
            }

            p.ReplaceBudget(input.Lines.ToDrafts(), Now);
            foreach (var year in p.BudgetByYear())
            {
                var key = $"Budget.{year.FiscalYear.StartYear}";
                if (!year.Balanced)
                {
                    ModelState.AddModelError(key, localizer["{0}: 収入 {1} と支出 {2} が一致していません。", DisplayFormat.FiscalYear(year.FiscalYear), DisplayFormat.Yen(year.IncomeTotal), DisplayFormat.Yen(year.ExpenseTotal)]);
                }

                if (year.CityShare > call.MaxCitySharePerYear)
                {
                    ModelState.AddModelError(key, localizer["{0}: 市負担金 {1} が1年度の上限 {2} を超えています。", DisplayFormat.FiscalYear(year.FiscalYear), DisplayFormat.Yen(year.CityShare), DisplayFormat.Yen(call.MaxCitySharePerYear)]);
                }
            }

            if (p.CityShareTotal > call.MaxCityShareTotal)
            {
                ModelState.AddModelError("Budget.Total", localizer["市負担金の合計 {0} が全期間の上限 {1} を超えています。", DisplayFormat.Yen(p.CityShareTotal), DisplayFormat.Yen(call.MaxCityShareTotal)]);
            }

            return Task.FromResult(ModelState.IsValid);
        }, cancellationToken);

    [HttpGet("/proposals/{id:int}/kpis")]
    public Task<IActionResult> Kpis(int id, CancellationToken cancellationToken) =>
        EditAsync(id, (p, _) => Task.FromResult<object>(ProposalForms.Kpis(p)), "Kpis", cancellationToken);

    [HttpPost("/proposals/{id:int}/kpis")]
    public Task<IActionResult> Kpis(int id, [Bind(Prefix = "Input")] KpiInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, input.Version, "Kpis", (p, _) =>
        {
            if (!YearsWithinTerm(p, input.Kpis.SelectMany(k => k.Targets).Select(t => t.FiscalYear)))
            {
                return Task.FromResult(false);
            }

            p.ReplaceKpis(input.Kpis.ToDrafts(), Now);
            return Task.FromResult(true);
        }, cancellationToken);

    [HttpPost("/proposals/{id:int}/submit")]
    public Task<IActionResult> Submit(int id, CancellationToken cancellationToken) =>
        TransitionAsync(id, ProposalActor.Proposer, (p, call) => p.Submit(call, UserId, Now), localizer["提案を提出しました。"], cancellationToken);

    [HttpPost("/proposals/{id:int}/resubmit")]
    public Task<IActionResult> Resubmit(int id, TransitionInput input, CancellationToken cancellationToken) =>
        TransitionAsync(id, ProposalActor.Proposer, (p, call) => p.Resubmit(call, UserId, input.Comment, Now), localizer["提案を再提出しました。"], cancellationToken);

    [HttpPost("/proposals/{id:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, TransitionInput input, CancellationToken cancellationToken) =>
        TransitionAsync(id, ProposalActor.Proposer, (p, _) => p.Withdraw(UserId, input.Comment, Now), localizer["提案を取り下げました。"], cancellationToken);

    [HttpPost("/proposals/{id:int}/return")]
    [Authorize(Roles = KyodoRoles.MasterDataEditors)]
    public Task<IActionResult> Return(int id, TransitionInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Comment))
        {
            TempData["Error"] = localizer["差し戻す理由を書いてください。"].Value;
            return Task.FromResult<IActionResult>(RedirectToAction(nameof(Details), new { id }));
        }

        return TransitionAsync(id, ProposalActor.Coordinator, (p, _) => p.Return(UserId, input.Comment!, Now), localizer["提案を差し戻しました。"], cancellationToken);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Call?> OpenCallAsync(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId && c.IsPublished, cancellationToken);
        return call is not null && call.IsOpenAt(Now) ? call : null;
    }

    private async Task<bool> ReferencesExistAsync(int? groupId, int? departmentId, string prefix, CancellationToken cancellationToken)
    {
        if (groupId is { } g && !await db.CitizenGroups.AnyAsync(x => x.Id == g && x.IsActive, cancellationToken))
        {
            ModelState.AddModelError($"{prefix}.ProposingGroupId", localizer["選んだ団体が見つかりません。"]);
        }

        if (departmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d && x.IsActive, cancellationToken))
        {
            ModelState.AddModelError($"{prefix}.PartnerDepartmentId", localizer["選んだ担当課が見つかりません。"]);
        }

        return ModelState.IsValid;
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

    private bool IsProposer(Proposal proposal, Call call) =>
        ProposalAccess.IsProposer(User, call.ProposalType, proposal.ProposingGroupId, proposal.PartnerDepartmentId);

    /// <summary>
    /// Loads the proposal and its call and applies the object-level rules: 404 for anyone who may
    /// not read it (its existence is not revealed), 403 for a reader who may not do this.
    /// </summary>
    private async Task<(Proposal? Proposal, Call? Call, IActionResult? Denied)> AuthorizeAsync(int id, bool tracking, Func<Proposal, Call, bool> mayAct, CancellationToken cancellationToken)
    {
        var loaded = await ProposalQueries.LoadAsync(db, id, tracking, cancellationToken);
        if (loaded is not { } found || !ProposalAccess.CanView(User, found.Call.ProposalType, found.Proposal.ProposingGroupId, found.Proposal.PartnerDepartmentId))
        {
            return (null, null, NotFound());
        }

        var (proposal, call) = found;
        return mayAct(proposal, call) ? (proposal, call, null) : (proposal, call, Forbid());
    }

    private async Task<ProposalPageViewModel?> PageAsync(int id, CancellationToken cancellationToken)
    {
        var loaded = await ProposalQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (loaded is not { } found)
        {
            return null;
        }

        var (proposal, call) = found;
        var names = await ProposalQueries.NamesAsync(db, proposal, cancellationToken);
        var actor = ProposalAccess.IsOffice(User) ? ProposalActor.Coordinator : ProposalActor.Proposer;
        var isProposer = ProposalAccess.IsProposer(User, call.ProposalType, proposal.ProposingGroupId, proposal.PartnerDepartmentId);
        return new ProposalPageViewModel(
            proposal,
            call,
            names,
            IsProposer: isProposer,
            IsOffice: ProposalAccess.IsOffice(User),
            CanEdit: isProposer && proposal.IsEditable,
            Problems: proposal.IsEditable ? proposal.SubmissionProblems(call) : [],
            CallIsOpen: call.IsOpenAt(Now),
            Actor: actor,
            Decision: await ProposalQueries.DecisionAsync(db, proposal, cancellationToken));
    }

    private async Task<IActionResult> EditAsync(int id, Func<Proposal, Call, Task<object>> input, string view, CancellationToken cancellationToken)
    {
        var (proposal, call, denied) = await AuthorizeAsync(id, tracking: false, (p, c) => IsProposer(p, c) && p.IsEditable, cancellationToken);
        return denied ?? View(view, await SectionViewModelAsync(proposal!, call!, await input(proposal!, call!), cancellationToken));
    }

    /// <summary>
    /// Load, check, apply the section, save — or show the form again with the person's input and
    /// the reasons. Nothing is saved unless every check passes.
    /// </summary>
    private async Task<IActionResult> SaveAsync(int id, object input, int version, string view, Func<Proposal, Call, Task<bool>> apply, CancellationToken cancellationToken)
    {
        var (proposal, call, denied) = await AuthorizeAsync(id, tracking: true, IsProposer, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (ModelState.IsValid)
        {
            try
            {
                db.ExpectVersion(proposal!, version);
                if (await apply(proposal!, call!) && await db.TrySaveAsync(ModelState, localizer, "Input", cancellationToken))
                {
                    TempData["Success"] = localizer["保存しました。"].Value;
                    return RedirectToAction(nameof(Details), new { id });
                }
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }

            db.ChangeTracker.Clear();
        }

        var fresh = (await ProposalQueries.LoadAsync(db, id, tracking: false, cancellationToken))!.Value.Proposal;
        var shown = input switch
        {
            PlanInput plan => ProposalForms.Pad(plan, fresh.TermFiscalYears()),
            KpiInput kpis => ProposalForms.Pad(kpis, fresh.TermFiscalYears()),
            BudgetInput budget => ProposalForms.Pad(budget),
            _ => input,
        };

        // After someone else saved, the form keeps this person's input but carries the current
        // version, so saving again (after reading the message) stores their input deliberately.
        if (shown is IVersionedInput versioned)
        {
            versioned.Version = fresh.Version;
        }
        return View(view, await SectionViewModelAsync(fresh, call!, shown, cancellationToken));
    }

    private async Task<IActionResult> TransitionAsync(int id, ProposalActor actor, Action<Proposal, Call> transition, string done, CancellationToken cancellationToken)
    {
        var (proposal, call, denied) = await AuthorizeAsync(id, tracking: true, (p, c) => actor == ProposalActor.Coordinator ? User.IsOffice() : IsProposer(p, c), cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            // Only the comment is validated here (its length); say so instead of failing.
            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return RedirectToAction(nameof(Details), new { id });
        }

        try
        {
            transition(proposal!, call!);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = done;
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = string.Join(" ", exception.Message.Split('\n').Select(m => localizer[m].Value));
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>Only the overview chooses partners, so only it loads the department and group lists.</summary>
    private async Task<ProposalSectionViewModel> SectionViewModelAsync(Proposal proposal, Call call, object input, CancellationToken cancellationToken) =>
        new(
            proposal,
            call,
            await ProposalQueries.NamesAsync(db, proposal, cancellationToken),
            input,
            input is OverviewInput
                ? await ProposalQueries.PartnerOptionsAsync(db, proposal.PartnerDepartmentId, proposal.ProposingGroupId, cancellationToken)
                : new PartnerOptions([], []));

    private async Task<NewProposalViewModel> NewViewModelAsync(Call call, NewProposalInput input, CancellationToken cancellationToken) =>
        new(call, input, await ProposalQueries.PartnerOptionsAsync(db, null, null, cancellationToken));
}
