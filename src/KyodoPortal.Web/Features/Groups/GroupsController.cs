using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Groups;

/// <summary>
/// The staff directory of citizen groups (also unpublished ones, with member contacts) and each
/// group's profile, which the group's own members keep up to date.
/// </summary>
[Route("groups")]
[Authorize]
public sealed class GroupsController(KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormView = "Form";
    private const string NameField = "Input.Name";

    [HttpGet("")]
    [Authorize(Policy = KyodoPolicies.Staff)]
    public async Task<IActionResult> Index([FromQuery] GroupSearch search, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default)
    {
        var (resolved, order) = GroupQueries.Resolve(search, sort, dir);
        return View(new GroupListViewModel(
            "/groups",
            resolved,
            order,
            await GroupQueries.SearchAsync(db, resolved, order, publicOnly: false, page, cancellationToken),
            await ActivityFieldQueries.AllAsync(db, cancellationToken),
            CanRegister: User.IsInRole(KyodoRoles.Administrator) || User.IsInRole(KyodoRoles.Coordinator)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        if (!CanView(User, id))
        {
            return Forbid();
        }

        var group = await GroupQueries.DetailsAsync(db, id, publicOnly: false, withMemberAccounts: User.IsOffice(), cancellationToken);
        return group is null ? NotFound() : View(new GroupDetailsViewModel(group, await ActivityFieldQueries.AllAsync(db, cancellationToken), CanEdit(User, id), IsPublicView: false, ShowMemberAccounts: User.IsOffice()));
    }

    [HttpGet("new")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(FormView, await FormAsync(null, new GroupInput(), cancellationToken));

    [HttpPost("new")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] GroupInput input, CancellationToken cancellationToken)
    {
        await CheckFieldsAsync(input, cancellationToken);
        CitizenGroup? group = null;
        return await commands.RunAsync(this, new FormCommand<NoRecord>
        {
            Load = NoRecord.LoadAsync,
            Once = true,
            Apply = (_, _) =>
            {
                group = new CitizenGroup(input.Name!, input.NameKana, input.LegalForm!.Value, input.Representative, input.Area);
                group.UpdateProfile(input.ToProfile());
                db.CitizenGroups.Add(group);
            },
            Done = _ => new("市民活動団体「{0}」を登録しました。", group!.Name),
            RedirectTo = _ => $"/groups/{group!.Id}",
            UniqueField = NameField,
            ShowAgain = async (_, ct) => View(FormView, await FormAsync(null, input, ct)),
        }, cancellationToken);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        if (!CanEdit(User, id))
        {
            return Forbid();
        }

        var group = await db.CitizenGroups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        return group is null ? NotFound() : View(FormView, await FormAsync(id, GroupInput.From(group), cancellationToken));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] GroupInput input, CancellationToken cancellationToken)
    {
        await CheckFieldsAsync(input, cancellationToken);
        return await commands.RunAsync(this, new FormCommand<CitizenGroup>
        {
            Load = async ct => !CanEdit(User, id) ? LoadRefusal.Forbidden
                : await db.CitizenGroups.FirstOrDefaultAsync(g => g.Id == id, ct) is { } group ? group : LoadRefusal.NotFound,
            Versioned = group => group,
            Version = input.Version,
            Apply = (group, _) =>
            {
                // Whether a group is active is the coordinating office's call, not the group's own.
                var isActive = User.IsOffice() ? input.IsActive : group.IsActive;
                group.Update(input.Name!, input.NameKana, input.LegalForm!.Value, input.Representative, input.Area, isActive);
                group.UpdateProfile(input.ToProfile());
            },
            Done = group => new("市民活動団体「{0}」を更新しました。", group.Name),
            RedirectTo = _ => $"/groups/{id}",
            UniqueField = NameField,
            ShowAgain = async (_, ct) => View(FormView, await FormAsync(id, input, ct)),
        }, cancellationToken);
    }

    private static bool IsOwnGroup(ClaimsPrincipal user, int groupId) =>
        user.IsInRole(KyodoRoles.GroupMember) && user.GetCitizenGroupId() == groupId;

    private static bool CanEdit(ClaimsPrincipal user, int groupId) => user.IsOffice() || IsOwnGroup(user, groupId);

    private static bool CanView(ClaimsPrincipal user, int groupId) =>
        CanEdit(user, groupId) || user.IsInRole(KyodoRoles.DepartmentStaff);

    /// <summary>The chosen activity fields must exist (checked once the input is otherwise valid).</summary>
    private async Task CheckFieldsAsync(GroupInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && !await ActivityFieldQueries.AllExistAsync(db, input.FieldIds, cancellationToken))
        {
            ModelState.AddModelError("Input.FieldIds", localizer["活動分野の指定が正しくありません。"]);
        }
    }

    private async Task<GroupFormViewModel> FormAsync(int? id, GroupInput input, CancellationToken cancellationToken) =>
        new(id, input, await ActivityFieldQueries.AllAsync(db, cancellationToken), CanSetActive: User.IsOffice());
}

public sealed record GroupFormViewModel(int? Id, GroupInput Input, IReadOnlyList<SelectOption> FieldOptions, bool CanSetActive)
{
    public bool IsNew => Id is null;
}

public sealed record GroupDetailsViewModel(GroupDetails Group, IReadOnlyList<SelectOption> FieldOptions, bool CanEdit, bool IsPublicView, bool ShowMemberAccounts = false);
