using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace KyodoPortal.Web.Data;

/// <summary>
/// The first administrator of a new installation, from Bootstrap:AdministratorEmail and
/// Bootstrap:AdministratorPassword (environment variables or a secret store). Does nothing once
/// any administrator exists, so the settings can be removed after the first start.
/// </summary>
public sealed partial class AdministratorBootstrap(
    UserManager<AppUser> users,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<AdministratorBootstrap> logger)
{
    public async Task RunAsync()
    {
        var email = configuration["Bootstrap:AdministratorEmail"]?.Trim();
        var password = configuration["Bootstrap:AdministratorPassword"];
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        if ((await users.GetUsersInRoleAsync(KyodoRoles.Administrator)).Count > 0)
        {
            return;
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            LockoutEnabled = true,
            DisplayName = "システム管理者",
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, KyodoRoles.Administrator);
        }

        if (!result.Succeeded)
        {
            // Fail the start-up: a half-configured installation nobody can sign in to helps no one.
            throw new InvalidOperationException("Bootstrap administrator could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        LogCreated(logger, email);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first administrator {Email} from Bootstrap settings; remove Bootstrap:AdministratorPassword now")]
    private static partial void LogCreated(ILogger logger, string email);
}
