using System.Security.Claims;
using KyodoPortal.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KyodoPortal.Web.Infrastructure.Auth;

/// <summary>
/// Checks the session cookie against the user row on every request: a changed security stamp
/// (sign-out, password change, role change, deactivation) ends every copy of the old cookie at
/// once. Identity's own validator re-checks only every 30 minutes and rebuilds the principal
/// with several queries; this is one indexed query per request.
/// </summary>
public static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal?.FindFirstValue(options.UserIdClaimType);
        var stamp = principal?.FindFirstValue(options.SecurityStampClaimType);

        var valid = false;
        if (userId is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<KyodoDbContext>();
            var current = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.IsActive })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            valid = current is { IsActive: true } && current.SecurityStamp == stamp;
        }

        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
