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
/// runner; the one message for the next page uses the typed flash.
/// </summary>
[Route("account")]
public sealed partial class AccountController(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> userManager,
    IStringLocalizer<SharedResource> localizer,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(KyodoPortalSetup.SignInRateLimitPolicy)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await userManager.FindByEmailAsync(input.Email!);
        if (user is not null)
        {
            var result = await signInManager.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                LogSignedIn(logger, user.Id);
                return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/");
            }

            if (result.IsLockedOut)
            {
                LogLockedOut(logger, user.Id);
                ModelState.AddModelError(string.Empty, localizer["ログインの失敗が続いたため、このアカウントは一時的にロックされています。しばらくしてからお試しください。"]);
                return View(input);
            }
        }

        // Same message whether the e-mail exists, the password is wrong or the account is
        // deactivated: the page must not reveal which accounts exist.
        ModelState.AddModelError(string.Empty, localizer["メールアドレスまたはパスワードが正しくありません。"]);
        return View(input);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        if (await userManager.GetUserAsync(User) is { } user)
        {
            // A new stamp ends every copy of this session's cookie, not only the browser's own.
            await userManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        return Redirect("/");
    }

    [HttpGet("password")]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("password")]
    [Authorize]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(new ChangePasswordInput()); // passwords are never echoed back into a page
        }

        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await userManager.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} is locked out after failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, string userId);
}
