using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KyodoPortal.Web.Infrastructure.Auth;

/// <summary>What a sign-in by e-mail and password came to, and whose account it was (null: no such account).</summary>
public sealed record PasswordSignInAttempt(SignInResult Result, AppUser? User);

/// <summary>Identity's sign-in manager that also refuses deactivated accounts.</summary>
public sealed class KyodoSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly AppUser NobodyUser = new() { UserName = "nobody" };
    private static string? _nobodyHash;

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    /// <summary>
    /// Signs in by e-mail so that neither the answer nor its cost tells whether the address has an
    /// account: every attempt verifies exactly one password hash (the password hash is what makes
    /// a sign-in slow, ~100 ms). Identity verifies none for an unknown address, a locked account or
    /// a deactivated one; those verify a hash of a random password instead.
    /// </summary>
    public async Task<PasswordSignInAttempt> PasswordSignInByEmailAsync(string email, string password)
    {
        var user = await UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            VerifyNobodysPassword(password);
            return new PasswordSignInAttempt(SignInResult.Failed, null);
        }

        var skipsPassword = !await CanSignInAsync(user) || await IsLockedOut(user);
        var result = await PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (skipsPassword)
        {
            VerifyNobodysPassword(password);
        }

        return new PasswordSignInAttempt(result, user);
    }

    private void VerifyNobodysPassword(string password)
    {
        // Hashed once with the configured hasher, so verifying it costs what a real account's does.
        var hash = _nobodyHash ??= UserManager.PasswordHasher.HashPassword(NobodyUser, Guid.NewGuid().ToString("N"));
        _ = UserManager.PasswordHasher.VerifyHashedPassword(NobodyUser, hash, password);
    }
}
