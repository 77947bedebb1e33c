using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KyodoPortal.Web.Infrastructure.Auth;

/// <summary>Claims the portal reads on every page without a database query.</summary>
public static class KyodoClaims
{
    public const string DisplayName = "display_name";
    public const string DepartmentId = "department_id";
    public const string CitizenGroupId = "citizen_group_id";

    public static int? GetDepartmentId(this ClaimsPrincipal user) => ParseId(user.FindFirstValue(DepartmentId));

    public static int? GetCitizenGroupId(this ClaimsPrincipal user) => ParseId(user.FindFirstValue(CitizenGroupId));

    private static int? ParseId(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>Adds the display name and affiliations to the session cookie at sign-in.</summary>
public sealed class KyodoClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(KyodoClaims.DisplayName, user.DisplayName));
        if (user.DepartmentId is { } departmentId)
        {
            identity.AddClaim(new Claim(KyodoClaims.DepartmentId, departmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.CitizenGroupId is { } groupId)
        {
            identity.AddClaim(new Claim(KyodoClaims.CitizenGroupId, groupId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

/// <summary>Role groupings the features ask about, in one place.</summary>
public static class KyodoPrincipalExtensions
{
    /// <summary>The signed-in account's id (empty for an anonymous request).</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    /// <summary>The coordinating office: coordinators and administrators.</summary>
    public static bool IsOffice(this ClaimsPrincipal user) => user.Meets(KyodoPolicies.Office);

    /// <summary>City staff: the office and department staff.</summary>
    public static bool IsStaff(this ClaimsPrincipal user) => user.Meets(KyodoPolicies.Staff);
}
