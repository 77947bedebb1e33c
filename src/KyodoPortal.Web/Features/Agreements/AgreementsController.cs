using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Features.Proposals;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
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
public sealed class AgreementsController(KyodoDbContext db, TimeProvider clock, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/projects/{id:int}/agreement")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return NotFound();
        }

        return View(new AgreementPageViewModel(project, project.Agreement, User.IsOffice(), clock.JapanToday()));
    }

    [HttpGet("/projects/{id:int}/agreement/print")]
    public async Task<IActionResult> Print(int id, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project) || project.Agreement is null)
        {
            return NotFound();
        }

        return View(new AgreementPageViewModel(project, project.Agreement, User.IsOffice(), clock.JapanToday()));
    }

    [HttpGet("/projects/{id:int}/agreement/edit")]
    public Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadEditableAsync(id, tracking: false, cancellationToken), async project =>
        {
            var draft = project.Agreement?.ToDraft() ?? await DraftFromProposalAsync(project, cancellationToken);
            return (IActionResult)View(await FormAsync(project, AgreementInput.From(draft, project.Version), cancellationToken));
        });

    [HttpPost("/projects/{id:int}/agreement/edit")]
    public Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] AgreementInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Project>
        {
            Load = ct => LoadEditableAsync(id, tracking: true, ct),
            Versioned = project => project,
            Version = input.Version,
            ApplyAsync = async (project, by, ct) =>
            {
                var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == project.CallId, ct);
                project.DraftAgreement(input.ToDraft(await PartyNamesAsync(input, ct)), call.MaxTermYears, by.Now);

                // The agreement lives in tables of its own: touch the project row so its version is
                // checked and bumped, and two people redrafting at once cannot both win silently.
                db.Entry(project).Property(p => p.Version).IsModified = true;
            },
            Done = _ => "協定を保存しました。",
            RedirectTo = _ => DetailsUrl(id),
            UniqueField = "Input",
            ShowAgain = async (_, ct) =>
            {
                var fresh = (await ProjectQueries.LoadAsync(db, id, tracking: false, ct))!;
                input.Version = fresh.Version;
                return View(await FormAsync(fresh, AgreementInput.Pad(input), ct));
            },
        }, cancellationToken);

    /// <summary>
    /// Records the signing and, in the same save, the baseline plan from the proposal: the project
    /// is 実施中 from now on. A second signing (another tab, another person) is refused.
    /// </summary>
    [HttpPost("/projects/{id:int}/agreement/sign")]
    public Task<IActionResult> Sign(int id, SignAgreementInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, localizer["締結日を入力してください。"]);
        }

        return commands.RunAsync(this, new FormCommand<Project>
        {
            RequiresConfirmation = true,
            Load = async ct =>
            {
                var project = await ProjectQueries.LoadAsync(db, id, tracking: true, ct);
                if (project is null || !ProjectAccess.CanView(User, project))
                {
                    return LoadRefusal.NotFound;
                }

                return User.IsOffice() ? project : LoadRefusal.Forbidden;
            },
            Versioned = project => project,
            Version = input.Version,
            ApplyAsync = async (project, by, ct) =>
            {
                project.SignAgreement(input.SignedOn!.Value, by.UserId, by.Now);
                var proposal = (await ProposalQueries.LoadAsync(db, project.ProposalId, tracking: false, ct))!.Value.Proposal;
                db.ProjectPlans.Add(ProjectPlan.Baseline(project, proposal, by.Now));
            },
            Done = _ => "協定の締結を記録しました。提案の内容が当初計画（第1版）になり、事業は実施中になりました。",
            RedirectTo = _ => DetailsUrl(id),

            // The baseline plan's unique (project, number) index: someone signed at the same moment.
            UniqueMessage = FormCommands.ConcurrencyMessage,
        }, cancellationToken);
    }

    private static string DetailsUrl(int id) => $"/projects/{id}/agreement";

    /// <summary>404 for non-parties; 403 for a party that is not the office, and for anyone once the agreement is signed.</summary>
    private async Task<Loaded<Project>> LoadEditableAsync(int id, bool tracking, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return LoadRefusal.NotFound;
        }

        return !User.IsOffice() || project.Agreement is { IsSigned: true } || project.Status != ProjectStatus.Preparing
            ? LoadRefusal.Forbidden
            : project;
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
