using KyodoPortal.Domain.Organizations;
using Microsoft.AspNetCore.Identity;

namespace KyodoPortal.Web.Infrastructure.Auth;

/// <summary>
/// A person who signs in. Staff accounts are created by administrators; there is no open
/// self-registration. A department-staff user belongs to a <see cref="Department"/>, a group
/// member to a <see cref="CitizenGroup"/>.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A deactivated user cannot sign in and loses existing sessions (security stamp).</summary>
    public bool IsActive { get; set; } = true;

    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    public int? CitizenGroupId { get; set; }

    public CitizenGroup? CitizenGroup { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
