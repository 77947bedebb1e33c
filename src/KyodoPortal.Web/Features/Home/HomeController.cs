using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Home;

public sealed class HomeController(KyodoDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return View(HomeViewModel.Public);
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var isStaffOffice = User.IsInRole(KyodoRoles.Administrator) || User.IsInRole(KyodoRoles.Coordinator);
        var isAdministrator = User.IsInRole(KyodoRoles.Administrator);

        // One round trip: affiliation names and, for the coordinating office, master-data counts.
        var figures = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                DepartmentName = u.Department != null ? u.Department.Name : null,
                GroupName = u.CitizenGroup != null ? u.CitizenGroup.Name : null,
                Departments = isStaffOffice ? db.Departments.Count(d => d.IsActive) : 0,
                Groups = isStaffOffice ? db.CitizenGroups.Count(c => c.IsActive) : 0,
                Users = isAdministrator ? db.Users.Count(x => x.IsActive) : 0,
            })
            .SingleOrDefaultAsync(cancellationToken);

        return View(new HomeViewModel(
            IsSignedIn: true,
            Roles: KyodoRoles.All.Where(User.IsInRole).ToList(),
            DepartmentName: figures?.DepartmentName,
            GroupName: figures?.GroupName,
            ActiveDepartments: figures?.Departments ?? 0,
            ActiveGroups: figures?.Groups ?? 0,
            ActiveUsers: figures?.Users ?? 0));
    }
}

public sealed record HomeViewModel(
    bool IsSignedIn,
    IReadOnlyList<string> Roles,
    string? DepartmentName,
    string? GroupName,
    int ActiveDepartments,
    int ActiveGroups,
    int ActiveUsers)
{
    public static HomeViewModel Public { get; } = new(false, [], null, null, 0, 0, 0);

    public bool Has(string role) => Roles.Contains(role);
}
