using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace KyodoPortal.Web.Infrastructure.Auth;

/// <summary>
/// Who may open which part of the portal, by name: the <c>[Authorize(Policy = …)]</c> attributes
/// and the navigation read the same definitions, so a menu never offers a page its controller
/// refuses. Object-level rules (whose project, which panel) stay in each feature's loader.
/// </summary>
public static class KyodoPolicies
{
    /// <summary>協働推進担当 (the coordinating office): coordinators and administrators.</summary>
    public const string Office = nameof(Office);

    /// <summary>City staff: the office and department staff.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Those who write proposals: citizen-group members and department staff.</summary>
    public const string Proposers = nameof(Proposers);

    /// <summary>Those who may be a party of a project, or run all of them: the office, groups, departments.</summary>
    public const string ProjectParties = nameof(ProjectParties);

    /// <summary>評価委員: screening and evaluation sheets.</summary>
    public const string Committee = nameof(Committee);

    /// <summary>指針の見直し: the office and the committee (who read the period review and write opinions).</summary>
    public const string GuidelineReview = nameof(GuidelineReview);

    /// <summary>システム管理者: accounts and roles.</summary>
    public const string Administration = nameof(Administration);

    private static readonly Dictionary<string, string[]> RolesByPolicy = new(StringComparer.Ordinal)
    {
        [Office] = [KyodoRoles.Administrator, KyodoRoles.Coordinator],
        [Staff] = [KyodoRoles.Administrator, KyodoRoles.Coordinator, KyodoRoles.DepartmentStaff],
        [Proposers] = [KyodoRoles.GroupMember, KyodoRoles.DepartmentStaff],
        [ProjectParties] = [KyodoRoles.Administrator, KyodoRoles.Coordinator, KyodoRoles.GroupMember, KyodoRoles.DepartmentStaff],
        [Committee] = [KyodoRoles.CommitteeMember],
        [GuidelineReview] = [KyodoRoles.Administrator, KyodoRoles.Coordinator, KyodoRoles.CommitteeMember],
        [Administration] = [KyodoRoles.Administrator],
    };

    /// <summary>The roles a policy admits.</summary>
    public static IReadOnlyList<string> RolesOf(string policy) => RolesByPolicy[policy];

    /// <summary>Registers every policy (signed in, holding one of its roles).</summary>
    public static void AddKyodoPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, roles) in RolesByPolicy)
        {
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }
    }

    /// <summary>Whether <paramref name="user"/> meets <paramref name="policy"/> (the same test the attribute makes).</summary>
    public static bool Meets(this ClaimsPrincipal user, string policy)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && RolesByPolicy[policy].Any(user.IsInRole);
    }
}
