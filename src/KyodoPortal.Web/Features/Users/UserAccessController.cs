using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Users;

/// <summary>
/// Whether an account may sign in: deactivating (which ends its sessions) and activating it, and
/// resetting its password (which also lifts a lockout). Identity calls, not domain calls: see
/// <see cref="UsersController"/> for why these do not go through the form runner.
/// </summary>
[Route("admin/users")]
[Authorize(Policy = KyodoPolicies.Administration)]
public sealed class UserAccessController(
    KyodoDbContext db,
    UserManager<AppUser> userManager,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string EditView = "Edit";

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

        if (user.Id == User.UserId())
        {
            // One's own password only with the current one: a borrowed or stolen administrator
            // session must not be enough to take the account over for good.
            TempData.Warning(localizer["ご自分のパスワードは、現在のパスワードを入力してこのページで変更してください。"]);
            return LocalRedirect("/account/password");
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
                TempData.Success(localizer["アカウント「{0}」のパスワードを再設定し、ロックを解除しました。", user.Email ?? string.Empty]);
                return LocalRedirect(EditUrl(id));
            }

            UserForms.AddErrors(ModelState, result, passwordField: "Reset.Password", emailField: "Reset.Password");
        }

        var page = await UserForms.EditPageAsync(db, user, User.UserId(), clock.GetUtcNow(), await UserForms.CurrentProfileAsync(userManager, user), cancellationToken);
        return View(EditView, page);
    }

    private async Task<IActionResult> SetActiveAsync(string id, bool active)
    {
        var user = await userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == User.UserId() && !active)
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

        TempData.Success(active
            ? localizer["アカウント「{0}」を有効にしました。", user.Email ?? string.Empty]
            : localizer["アカウント「{0}」を停止しました。現在のログインも無効になりました。", user.Email ?? string.Empty]);
        return LocalRedirect(EditUrl(id));
    }

    private static string EditUrl(string id) => $"/admin/users/{Uri.EscapeDataString(id)}";
}
