using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using KyodoPortal.Web.Infrastructure.Lists;

namespace KyodoPortal.Web.Features.Users;

/// <summary>
/// Accounts are issued by administrators only (no self-registration). Changing roles, affiliation,
/// password or deactivating renews the user's security stamp, which ends their current sessions.
/// Deactivation and password resets are in <see cref="UserAccessController"/>.
/// </summary>
/// <remarks>
/// Accounts change through ASP.NET Identity's <see cref="UserManager{TUser}"/>, which saves by
/// itself and answers with an <see cref="IdentityResult"/> rather than a domain refusal, so these
/// forms do not go through the form runner; they leave their messages with the typed flash.
/// </remarks>
[Route("admin/users")]
[Authorize(Policy = KyodoPolicies.Administration)]
public sealed class UsersController(
    KyodoDbContext db,
    UserManager<AppUser> userManager,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? role, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = UserQueries.Columns.Query(new ListRequest(q, sort, dir));
        return View(new UserListViewModel(query, role, await UserQueries.ListAsync(db, query, role, page, cancellationToken), clock.GetUtcNow()));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(new CreateUserViewModel(new CreateUserInput(), await UserQueries.OptionsAsync(db, null, null, cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] CreateUserInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await AffiliationsExistAsync(input, cancellationToken))
        {
            var user = new AppUser
            {
                UserName = input.Email!.Trim(),
                Email = input.Email.Trim(),
                EmailConfirmed = true,
                LockoutEnabled = true,
                CreatedAtUtc = clock.UtcNow(),
            };
            UserForms.ApplyProfile(user, input);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await userManager.CreateAsync(user, input.Password!);
            if (result.Succeeded)
            {
                result = await userManager.AddToRolesAsync(user, input.Roles.Distinct());
            }

            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
                TempData.Success(localizer["アカウント「{0}」を作成しました。初期パスワードは本人に安全な方法で伝えてください。", user.Email]);
                return RedirectToAction(nameof(Index));
            }

            UserForms.AddErrors(ModelState, result, passwordField: "Input.Password", emailField: "Input.Email");
        }

        input.Password = null;
        return View(new CreateUserViewModel(input, await UserQueries.OptionsAsync(db, input.DepartmentId, input.CitizenGroupId, cancellationToken)));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        return View(await EditPageAsync(user, await UserForms.CurrentProfileAsync(userManager, user), cancellationToken));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, [Bind(Prefix = "Input")] EditUserInput input, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (IsSelf(user) && !input.Roles.Contains(KyodoRoles.Administrator))
        {
            ModelState.AddModelError("Input.Roles", localizer["自分自身のシステム管理者の役割は外せません。"]);
        }

        if (ModelState.IsValid && await AffiliationsExistAsync(input, cancellationToken))
        {
            // A stale form (someone else saved first) fails on the concurrency stamp.
            user.ConcurrencyStamp = input.ConcurrencyStamp;
            UserForms.ApplyProfile(user, input);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var current = await userManager.GetRolesAsync(user);
            var result = await userManager.UpdateAsync(user);
            if (result.Succeeded)
            {
                result = await userManager.RemoveFromRolesAsync(user, current.Except(input.Roles));
            }

            if (result.Succeeded)
            {
                result = await userManager.AddToRolesAsync(user, input.Roles.Distinct().Except(current));
            }

            if (result.Succeeded)
            {
                // Roles and affiliation live in the session cookie: make the user sign in again.
                result = await userManager.UpdateSecurityStampAsync(user);
            }

            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
                TempData.Success(localizer["アカウント「{0}」を更新しました。", user.Email ?? string.Empty]);
                return RedirectToAction(nameof(Index));
            }

            UserForms.AddErrors(ModelState, result, passwordField: "Input.DisplayName", emailField: "Input.DisplayName");

            // Nothing was committed: show the account as it is stored, with this person's input.
            await transaction.RollbackAsync(cancellationToken);
            await db.Entry(user).ReloadAsync(cancellationToken);
        }

        return View(await EditPageAsync(user, input, cancellationToken));
    }

    private bool IsSelf(AppUser user) => user.Id == User.UserId();

    private async Task<bool> AffiliationsExistAsync(UserProfileInput input, CancellationToken cancellationToken)
    {
        if (input.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            ModelState.AddModelError("Input.DepartmentId", localizer["選んだ担当課が見つかりません。"]);
        }

        if (input.CitizenGroupId is { } groupId && !await db.CitizenGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            ModelState.AddModelError("Input.CitizenGroupId", localizer["選んだ団体が見つかりません。"]);
        }

        return ModelState.IsValid;
    }

    private Task<EditUserViewModel> EditPageAsync(AppUser user, EditUserInput input, CancellationToken cancellationToken) =>
        UserForms.EditPageAsync(db, user, User.UserId(), clock.GetUtcNow(), input, cancellationToken);
}
