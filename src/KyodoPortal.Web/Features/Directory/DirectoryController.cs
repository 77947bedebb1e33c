using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Groups;
using KyodoPortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace KyodoPortal.Web.Features.Directory;

/// <summary>団体一覧: the public directory — published, active groups only, no sign-in needed.</summary>
[Route("directory")]
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class DirectoryController(KyodoDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] GroupSearch search, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default)
    {
        var (resolved, order) = GroupQueries.Resolve(search, sort, dir);
        return View(new GroupListViewModel(
            "/directory",
            resolved,
            order,
            await GroupQueries.SearchAsync(db, resolved, order, publicOnly: true, page, cancellationToken),
            await ActivityFieldQueries.AllAsync(db, cancellationToken),
            CanRegister: false));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        // An unpublished group is indistinguishable from a missing one.
        var group = await GroupQueries.DetailsAsync(db, id, publicOnly: true, withMemberAccounts: false, cancellationToken);
        return group is null ? NotFound() : View(new GroupDetailsViewModel(group, await ActivityFieldQueries.AllAsync(db, cancellationToken), CanEdit: false, IsPublicView: true));
    }
}
