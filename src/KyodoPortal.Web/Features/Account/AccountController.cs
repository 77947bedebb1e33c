using KyodoPortal.Web.Infrastructure;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Account;

/// <summary>
/// Signing in and out, and changing one's own password. These are ASP.NET Identity calls (sign-in
/// results and <see cref="IdentityResult"/>s), not domain calls, so they do not go through the form
/// runner; the one message for the next page uses the typed flash. Identity's managers are taken
/// by the actions that use them: building them costs more than the sign-in page itself.
/// </summary>
[Route("account")]
public sealed partial class AccountController(
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(KyodoPortalSetup.SignInRateLimitPolicy)]
    public async Task<IActionResult> Login(LoginInput input, [FromServices] KyodoSignInManager signInManager)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var attempt = await signInManager.PasswordSignInByEmailAsync(input.Email!, input.Password!);
        if (attempt.Result.Succeeded)
        {
            LogSignedIn(logger, attempt.User!.Id);
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/");
        }

        LogSignInFailed(logger, attempt.User?.Id ?? "unknown", HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", clock.GetUtcNow(), FailureReason(attempt));

        // One message for an unknown e-mail, a wrong password, a locked and a deactivated account,
        // from the first failure on: a separate "locked" message would tell an attacker which
        // addresses have accounts (docs/operations.md, Security).
        ModelState.AddModelError(string.Empty, localizer["メールアドレスまたはパスワードが正しくありません。失敗が続いた場合はアカウントが一時的にロックされるため、しばらくしてからお試しください。"]);
        return View(input);
    }

    private static string FailureReason(PasswordSignInAttempt attempt) => attempt switch
    {
        { User: null } => "no such account",
        { Result.IsLockedOut: true } => "locked out",
        { Result.IsNotAllowed: true } => "deactivated",
        _ => "wrong password",
    };

    [HttpPost("logout")]
    public async Task<IActionResult> Logout([FromServices] KyodoSignInManager signInManager)
    {
        if (await signInManager.UserManager.GetUserAsync(User) is { } user)
        {
            // A new stamp ends every copy of this session's cookie, not only the browser's own.
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        return Redirect("/");
    }

    [HttpGet("password")]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("password")]
    [Authorize]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input, [FromServices] KyodoSignInManager signInManager)
    {
        if (!ModelState.IsValid)
        {
            return View(new ChangePasswordInput()); // passwords are never echoed back into a page
        }

        var user = await signInManager.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await signInManager.UserManager.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(input.CurrentPassword) : nameof(input.NewPassword);
                ModelState.AddModelError(field, error.Description);
            }

            return View(new ChangePasswordInput()); // passwords are never echoed back into a page
        }

        await signInManager.RefreshSignInAsync(user);
        TempData.Success(localizer["パスワードを変更しました。"]);
        return Redirect("/");
    }

    [HttpGet("access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied() => StatusCode(StatusCodes.Status403Forbidden);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    // Never the password, nor the e-mail typed for an unknown account (often a password typed into the wrong field).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for account {Account} from {ClientAddress} at {AttemptedAt:o}: {Reason}")]
    private static partial void LogSignInFailed(ILogger logger, string account, string clientAddress, DateTimeOffset attemptedAt, string reason);
}
