using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Groups;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Caching;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Cases;

/// <summary>事例集 for staff: every case (closed projects and the running ones the office marked), published or not.</summary>
[Route("cases")]
[Authorize(Policy = KyodoPolicies.Staff)]
public sealed class CasesController(KyodoDbContext db) : CaseLibraryController(db, "/cases", publicOnly: false)
{
    protected override bool CanManage => User.IsOffice();
}

/// <summary>The public 事例集: published cases only, no sign-in needed; an unpublished case is indistinguishable from a missing one.</summary>
[Route("case-library")]
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class PublicCasesController(KyodoDbContext db) : CaseLibraryController(db, "/case-library", publicOnly: true);

/// <summary>What both case libraries do: the list and a case's page, for staff or for the public (<paramref name="publicOnly"/>).</summary>
public abstract class CaseLibraryController(KyodoDbContext db, string basePath, bool publicOnly) : Controller
{
    /// <summary>Whether the reader may change the case's switches (the office, on the staff pages).</summary>
    protected virtual bool CanManage => false;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CaseSearch search, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default)
    {
        var (resolved, order) = CaseQueries.Resolve(db, search, sort, dir);
        return View(
            "Index",
            new CaseListViewModel(
                basePath,
                resolved,
                order,
                await CaseQueries.SearchAsync(db, resolved, order, publicOnly, page, cancellationToken),
                await ActivityFieldQueries.AllAsync(db, cancellationToken),
                await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new SelectOption(d.Id, d.Name)).ToListAsync(cancellationToken),
                publicOnly));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var details = await CaseQueries.DetailsAsync(db, id, publicOnly, cancellationToken);
        return details is null ? NotFound() : View("Details", new CasePageViewModel(details, basePath, IsPublicView: publicOnly, CanManage));
    }
}

/// <summary>The case list: the search, one page of cases, and the filter choices.</summary>
public sealed record CaseListViewModel(string BasePath, CaseSearch Search, ListSort Sort, PageOf<CaseRow> Page, IReadOnlyList<SelectOption> FieldOptions, IReadOnlyList<SelectOption> DepartmentOptions, bool IsPublicView);

/// <summary>The case page, as staff or the public see it.</summary>
public sealed record CasePageViewModel(CaseDetails Case, string BasePath, bool IsPublicView, bool CanManage);
