using System.Security.Claims;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Features.Proposals;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Agreements;

/// <summary>
/// 協定: drafted and redrafted by the coordinating office while the project is being prepared
/// (pre-filled from the selected proposal), read and printed by the parties, and signed by the
/// office — which makes the proposal's content the baseline plan (当初計画, 第1版) and starts
/// the project. A signed agreement is never edited again.
/// </summary>
[Authorize]
public sealed class AgreementsController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/projects/{id:int}/agreement")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return NotFound();
        }

        return View(new AgreementPageViewModel(project, project.Agreement, User.IsOffice(), Today));
    }

    [HttpGet("/projects/{id:int}/agreement/print")]
    public async Task<IActionResult> Print(int id, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project) || project.Agreement is null)
        {
            return NotFound();
        }

        return View(new AgreementPageViewModel(project, project.Agreement, User.IsOffice(), Today));
    }

    [HttpGet("/projects/{id:int}/agreement/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (project, denied) = await AuthorizeEditAsync(id, tracking: false, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var draft = project!.Agreement?.ToDraft() ?? await DraftFromProposalAsync(project, cancellationToken);
        return View(await FormAsync(project, AgreementInput.From(draft, project.Version), cancellationToken));
    }

    [HttpPost("/projects/{id:int}/agreement/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] AgreementInput input, CancellationToken cancellationToken)
    {
        var (project, denied) = await AuthorizeEditAsync(id, tracking: true, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (ModelState.IsValid)
        {
            try
            {
                var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == project!.CallId, cancellationToken);
                db.ExpectVersion(project!, input.Version);
                project!.DraftAgreement(input.ToDraft(await PartyNamesAsync(input, cancellationToken)), call.MaxTermYears, Now);

                // The agreement lives in tables of its own: touch the project row so its version is
                // checked and bumped, and two people redrafting at once cannot both win silently.
                db.Entry(project).Property(p => p.Version).IsModified = true;
                if (await db.TrySaveAsync(ModelState, localizer, "Input", cancellationToken))
                {
                    TempData["Success"] = localizer["協定を保存しました。"].Value;
                    return RedirectToAction(nameof(Details), new { id });
                }
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }

            db.ChangeTracker.Clear();
        }

        var fresh = (await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken))!;
        input.Version = fresh.Version;
        return View(await FormAsync(fresh, AgreementInput.Pad(input), cancellationToken));
    }

    /// <summary>
    /// Records the signing and, in the same save, the baseline plan from the proposal: the project
    /// is 実施中 from now on. A second signing (another tab, another person) is refused.
    /// </summary>
    [HttpPost("/projects/{id:int}/agreement/sign")]
    public async Task<IActionResult> Sign(int id, SignAgreementInput input, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: true, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return NotFound();
        }

        if (!User.IsOffice())
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            TempData["Error"] = localizer["締結日を入力してください。"].Value;
            return RedirectToAction(nameof(Details), new { id });
        }

        try
        {
            db.ExpectVersion(project, input.Version);
            project.SignAgreement(input.SignedOn!.Value, UserId, Now);
            var proposal = (await ProposalQueries.LoadAsync(db, project.ProposalId, tracking: false, cancellationToken))!.Value.Proposal;
            db.ProjectPlans.Add(ProjectPlan.Baseline(project, proposal, Now));
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = localizer["協定の締結を記録しました。提案の内容が当初計画（第1版）になり、事業は実施中になりました。"].Value;
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(JapanTime.FromUtc(Now));

    /// <summary>404 for non-parties; 403 for a party that is not the office, and for anyone once the agreement is signed.</summary>
    private async Task<(Project? Project, IActionResult? Denied)> AuthorizeEditAsync(int id, bool tracking, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return (null, NotFound());
        }

        if (!User.IsOffice() || project.Agreement is { IsSigned: true } || project.Status != ProjectStatus.Preparing)
        {
            return (project, Forbid());
        }

        return (project, null);
    }

    private async Task<AgreementDraft> DraftFromProposalAsync(Project project, CancellationToken cancellationToken)
    {
        var proposal = (await ProposalQueries.LoadAsync(db, project.ProposalId, tracking: false, cancellationToken))!.Value.Proposal;
        var names = await ProjectQueries.NamesAsync(db, project, cancellationToken);
        return AgreementDraft.FromProposal(proposal, names.GroupName ?? string.Empty, names.DepartmentName);
    }

    /// <summary>The directory names of the groups and departments the form picked, for parties left unnamed.</summary>
    private async Task<Dictionary<(AgreementPartyKind Kind, int Id), string>> PartyNamesAsync(AgreementInput input, CancellationToken cancellationToken)
    {
        var groupIds = input.Parties.Where(p => p.Kind == AgreementPartyKind.CitizenGroup && p.CitizenGroupId is not null).Select(p => p.CitizenGroupId!.Value).ToList();
        var departmentIds = input.Parties.Where(p => p.Kind == AgreementPartyKind.Department && p.DepartmentId is not null).Select(p => p.DepartmentId!.Value).ToList();
        var names = new Dictionary<(AgreementPartyKind Kind, int Id), string>();
        foreach (var g in await db.CitizenGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken))
        {
            names[(AgreementPartyKind.CitizenGroup, g.Id)] = g.Name;
        }

        foreach (var d in await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
        {
            names[(AgreementPartyKind.Department, d.Id)] = d.Name;
        }

        // A picked id that is not in the directory is refused here rather than by a foreign key.
        foreach (var row in input.Parties)
        {
            if (row.Kind == AgreementPartyKind.CitizenGroup && row.CitizenGroupId is { } g && !names.ContainsKey((AgreementPartyKind.CitizenGroup, g)))
            {
                throw new DomainRuleException("選んだ団体が見つかりません。");
            }

            if (row.Kind == AgreementPartyKind.Department && row.DepartmentId is { } d && !names.ContainsKey((AgreementPartyKind.Department, d)))
            {
                throw new DomainRuleException("選んだ担当課が見つかりません。");
            }
        }

        return names;
    }

    private async Task<AgreementFormViewModel> FormAsync(Project project, AgreementInput input, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == project.CallId, cancellationToken);
        var groupIds = input.Parties.Select(p => p.CitizenGroupId).OfType<int>().ToList();
        var departmentIds = input.Parties.Select(p => p.DepartmentId).OfType<int>().ToList();
        var groups = await db.CitizenGroups.AsNoTracking().Where(g => g.IsActive || groupIds.Contains(g.Id)).OrderBy(g => g.NameKana ?? g.Name).Select(g => new SelectOption(g.Id, g.Name)).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive || departmentIds.Contains(d.Id)).OrderBy(d => d.Name).Select(d => new SelectOption(d.Id, d.Name)).ToListAsync(cancellationToken);
        return new AgreementFormViewModel(project, input, groups, departments, AgreementYears.For(project, call.MaxTermYears), call.MaxTermYears);
    }
}
