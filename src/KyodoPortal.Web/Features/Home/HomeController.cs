using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Auth;
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

        // One query for a party's projects: each year whose evaluation feedback is published.
        var isParty = !User.IsOffice() && (User.IsInRole(KyodoRoles.GroupMember) || User.IsInRole(KyodoRoles.DepartmentStaff));
        var feedback = isParty
            ? await (from round in db.EvaluationRounds.AsNoTracking()
                     join project in ProjectPageQueries.Visible(db, User) on round.ProjectId equals project.Id
                     where round.FeedbackPublishedAtUtc != null
                     orderby round.FiscalYear descending, project.Id descending
                     select new FeedbackLink(project.Id, project.Title, round.FiscalYear))
                .ToListAsync(cancellationToken)
            : [];

        return View(new HomeViewModel(
            IsSignedIn: true,
            Roles: KyodoRoles.All.Where(User.IsInRole).ToList(),
            DepartmentName: figures?.DepartmentName,
            GroupName: figures?.GroupName,
            ActiveDepartments: figures?.Departments ?? 0,
            ActiveGroups: figures?.Groups ?? 0,
            ActiveUsers: figures?.Users ?? 0,
            Feedback: feedback));
    }
}

public sealed record HomeViewModel(
    bool IsSignedIn,
    IReadOnlyList<string> Roles,
    string? DepartmentName,
    string? GroupName,
    int ActiveDepartments,
    int ActiveGroups,
    int ActiveUsers,
    IReadOnlyList<FeedbackLink> Feedback)
{
    public static HomeViewModel Public { get; } = new(false, [], null, null, 0, 0, 0, []);

    public bool Has(string role) => Roles.Contains(role);
}

/// <summary>A project year of the user's whose evaluation feedback (評価結果) is published to the parties.</summary>
public sealed record FeedbackLink(int ProjectId, string ProjectTitle, int FiscalYear)
{
    public string Url => $"/projects/{ProjectId}/years/{FiscalYear}/feedback";
}
