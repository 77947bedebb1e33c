using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Users;

/// <summary>
/// Accounts are issued by administrators only (no self-registration). Changing roles, affiliation,
/// password or deactivating renews the user's security stamp, which ends their current sessions.
/// </summary>
[Route("admin/users")]
[Authorize(Roles = KyodoRoles.Administrator)]
public sealed class UsersController(
    KyodoDbContext db,
    UserManager<AppUser> userManager,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? role, int page = 1, CancellationToken cancellationToken = default) =>
        View(new UserListViewModel(q, role, await UserQueries.ListAsync(db, q, role, page, cancellationToken), clock.GetUtcNow()));

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
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            ApplyProfile(user, input);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await userManager.CreateAsync(user, input.Password!);
            if (result.Succeeded)
            {
                result = await userManager.AddToRolesAsync(user, input.Roles.Distinct());
            }

            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
                TempData["Success"] = localizer["アカウント「{0}」を作成しました。初期パスワードは本人に安全な方法で伝えてください。", user.Email].Value;
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, passwordField: "Input.Password", emailField: "Input.Email");
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

        return View(await EditViewModelAsync(user, await CurrentProfileAsync(user), cancellationToken));
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
            ApplyProfile(user, input);

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
                TempData["Success"] = localizer["アカウント「{0}」を更新しました。", user.Email ?? string.Empty].Value;
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, passwordField: "Input.DisplayName", emailField: "Input.DisplayName");
            db.ChangeTracker.Clear();
            user = await userManager.FindByIdAsync(id) ?? user;
        }

        return View(await EditViewModelAsync(user, input, cancellationToken));
    }

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate(string id) => SetActiveAsync(id, active: false);

    [HttpPost("{id}/activate")]
    public Task<IActionResult> Activate(string id) => SetActiveAsync(id, active: true);

    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, [Bind(Prefix = "Reset")] ResetPasswordInput reset, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            // Identity's reset token path validates the password (length, common list) and renews the stamp.
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var result = await userManager.ResetPasswordAsync(user, token, reset.Password!);
            if (result.Succeeded)
            {
                await userManager.SetLockoutEndDateAsync(user, null);
                await userManager.ResetAccessFailedCountAsync(user);
                TempData["Success"] = localizer["アカウント「{0}」のパスワードを再設定し、ロックを解除しました。", user.Email ?? string.Empty].Value;
                return RedirectToAction(nameof(Edit), new { id });
            }

            AddErrors(result, passwordField: "Reset.Password", emailField: "Reset.Password");
        }

        return View(nameof(Edit), await EditViewModelAsync(user, await CurrentProfileAsync(user), cancellationToken));
    }

    private async Task<IActionResult> SetActiveAsync(string id, bool active)
    {
        var user = await userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (IsSelf(user) && !active)
        {
            // The form never offers this; refusing keeps an administrator from locking everyone out.
            return BadRequest();
        }

        user.IsActive = active;
        var result = await userManager.UpdateAsync(user);
        if (result.Succeeded && !active)
        {
            // Ends every session the user has open right now.
            result = await userManager.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return Conflict();
        }

        TempData["Success"] = (active
            ? localizer["アカウント「{0}」を有効にしました。", user.Email ?? string.Empty]
            : localizer["アカウント「{0}」を停止しました。現在のログインも無効になりました。", user.Email ?? string.Empty]).Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private bool IsSelf(AppUser user) => user.Id == User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Department staff keep a department and group members a group; other roles keep none they don't need.</summary>
    private static void ApplyProfile(AppUser user, UserProfileInput input)
    {
        user.DisplayName = input.DisplayName!.Trim();
        user.DepartmentId = input.Roles.Contains(KyodoRoles.DepartmentStaff) || input.Roles.Contains(KyodoRoles.Coordinator) ? input.DepartmentId : null;
        user.CitizenGroupId = input.Roles.Contains(KyodoRoles.GroupMember) ? input.CitizenGroupId : null;
    }

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

    private void AddErrors(IdentityResult result, string passwordField, string emailField)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code == "CommonPassword" => passwordField,
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                    or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => emailField,
                _ => string.Empty,
            };
            ModelState.AddModelError(field, error.Description);
        }
    }

    private async Task<EditUserInput> CurrentProfileAsync(AppUser user) => new()
    {
        DisplayName = user.DisplayName,
        Roles = [.. await userManager.GetRolesAsync(user)],
        DepartmentId = user.DepartmentId,
        CitizenGroupId = user.CitizenGroupId,
        ConcurrencyStamp = user.ConcurrencyStamp,
    };

    private async Task<EditUserViewModel> EditViewModelAsync(AppUser user, EditUserInput input, CancellationToken cancellationToken) =>
        new(
            user.Id,
            user.Email ?? string.Empty,
            user.IsActive,
            user.LockoutEnd is { } end && end > clock.GetUtcNow(),
            IsSelf(user),
            input,
            await UserQueries.OptionsAsync(db, input.DepartmentId, input.CitizenGroupId, cancellationToken));
}

public sealed record CreateUserViewModel(CreateUserInput Input, UserFormOptions Options);

public sealed record EditUserViewModel(
    string Id,
    string Email,
    bool IsActive,
    bool IsLockedOut,
    bool IsSelf,
    EditUserInput Input,
    UserFormOptions Options);
