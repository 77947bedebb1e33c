using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Groups;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Cases;

/// <summary>事例集 for staff: every case (closed projects and the running ones the office marked), published or not.</summary>
[Route("cases")]
[Authorize(Roles = KyodoRoles.Staff)]
public sealed class CasesController(KyodoDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CaseSearch search, int page = 1, CancellationToken cancellationToken = default) =>
        View(CaseViews.Index, await CaseViews.ListAsync(db, "/cases", search, publicOnly: false, page, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var details = await CaseQueries.DetailsAsync(db, id, publicOnly: false, cancellationToken);
        return details is null ? NotFound() : View(CaseViews.Details, new CasePageViewModel(details, "/cases", IsPublicView: false, CanManage: User.IsInRole(KyodoRoles.Coordinator) || User.IsInRole(KyodoRoles.Administrator)));
    }
}

/// <summary>The public 事例集: published cases only, no sign-in needed; an unpublished case is indistinguishable from a missing one.</summary>
[Route("case-library")]
[AllowAnonymous]
public sealed class PublicCasesController(KyodoDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CaseSearch search, int page = 1, CancellationToken cancellationToken = default) =>
        View(CaseViews.Index, await CaseViews.ListAsync(db, "/case-library", search, publicOnly: true, page, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var details = await CaseQueries.DetailsAsync(db, id, publicOnly: true, cancellationToken);
        return details is null ? NotFound() : View(CaseViews.Details, new CasePageViewModel(details, "/case-library", IsPublicView: true, CanManage: false));
    }
}

/// <summary>The case list: the search, one page of cases, and the filter choices.</summary>
public sealed record CaseListViewModel(string BasePath, CaseSearch Search, PageOf<CaseRow> Page, IReadOnlyList<SelectOption> FieldOptions, IReadOnlyList<SelectOption> DepartmentOptions, bool IsPublicView);

/// <summary>The case page, as staff or the public see it.</summary>
public sealed record CasePageViewModel(CaseDetails Case, string BasePath, bool IsPublicView, bool CanManage);

/// <summary>What both case controllers share: the views and the list model.</summary>
internal static class CaseViews
{
    public const string Index = "Index";
    public const string Details = "Details";

    public static async Task<CaseListViewModel> ListAsync(KyodoDbContext db, string basePath, CaseSearch search, bool publicOnly, int page, CancellationToken cancellationToken) =>
        new(
            basePath,
            search,
            await CaseQueries.SearchAsync(db, search, publicOnly, page, cancellationToken),
            await ActivityFieldQueries.AllAsync(db, cancellationToken),
            await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new SelectOption(d.Id, d.Name)).ToListAsync(cancellationToken),
            publicOnly);
}
