using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Themes;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Groups;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Caching;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Themes;

/// <summary>
/// 行政課題: the city publishes its needs; each theme lists the groups that share its fields.
/// Anyone reads published themes. Department staff write themes for their own department; the
/// coordinating office for any.
/// </summary>
[Route("themes")]
public sealed class ThemesController(KyodoDbContext db, TimeProvider clock, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    [AllowAnonymous]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Index([FromQuery] ThemeSearch search, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default)
    {
        var staff = User.IsStaff();
        var (resolved, order) = ThemeQueries.Resolve(db, search, sort, dir);
        return View(new ThemeListViewModel(
            resolved,
            order,
            await ThemeQueries.SearchAsync(db, resolved, order, publishedOnly: !staff, page, cancellationToken),
            await ActivityFieldQueries.AllAsync(db, cancellationToken),
            await ThemeQueries.YearsAsync(db, publishedOnly: !staff, cancellationToken),
            CanWrite: staff));
    }

    [HttpGet("{id:int}")]
    [AllowAnonymous]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var theme = await ThemeQueries.DetailsAsync(db, id, publishedOnly: !User.IsStaff(), cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }

        var matches = await ThemeQueries.MatchingGroupsAsync(db, id, cancellationToken);
        var calls = await ThemeQueries.RelatedCallsAsync(db, id, cancellationToken);
        return View(new ThemeDetailsViewModel(theme, matches, calls, await ActivityFieldQueries.AllAsync(db, cancellationToken), CanEdit(User, theme.DepartmentId), ShowStaffLinks: User.IsStaff()));
    }

    [HttpGet("new")]
    [Authorize(Policy = KyodoPolicies.Staff)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var input = new ThemeInput
        {
            FiscalYear = FiscalYear.Of(clock.GetUtcNow()).Next().StartYear,
            DepartmentId = User.IsInRole(KyodoRoles.DepartmentStaff) && !User.IsOffice() ? User.GetDepartmentId() : null,
        };
        return View("Form", await FormAsync(null, input, cancellationToken));
    }

    [HttpPost("new")]
    [Authorize(Policy = KyodoPolicies.Staff)]
    public Task<IActionResult> Create([Bind(Prefix = "Input")] ThemeInput input, CancellationToken cancellationToken)
    {
        Theme? created = null;
        return commands.RunAsync(this, new FormCommand<NoRecord>
        {
            Load = NoRecord.LoadAsync,
            Once = true,
            ApplyAsync = async (_, by, ct) =>
            {
                if (await ReferencesAreValidAsync(input, ct))
                {
                    db.Themes.Add(created = new Theme(input.ToDraft(), by.UserId, by.Now));
                }
            },
            Done = _ => new("行政課題「{0}」を登録しました。", created!.Title),
            RedirectTo = _ => $"/themes/{created!.Id}",
            ShowAgain = async (_, ct) => View("Form", await FormAsync(null, input, ct)),
        }, cancellationToken);
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = KyodoPolicies.Staff)]
    public Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadEditableAsync(id, cancellationToken), async theme =>
            (IActionResult)View("Form", await FormAsync(id, ThemeInput.From(theme), cancellationToken)));

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = KyodoPolicies.Staff)]
    public Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] ThemeInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Theme>
        {
            Load = ct => LoadEditableAsync(id, ct),
            Versioned = theme => theme,
            Version = input.Version,
            ApplyAsync = async (theme, _, ct) =>
            {
                if (await ReferencesAreValidAsync(input, ct))
                {
                    theme.Update(input.ToDraft());
                }
            },
            Done = theme => new("行政課題「{0}」を更新しました。", theme.Title),
            RedirectTo = _ => $"/themes/{id}",
            UniqueField = "Input.Title",
            ShowAgain = async (_, ct) => View("Form", await FormAsync(id, input, ct)),
        }, cancellationToken);

    /// <summary>The theme, for staff who keep it (else 403; 404 when there is none).</summary>
    private async Task<Loaded<Theme>> LoadEditableAsync(int id, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (theme is null)
        {
            return LoadRefusal.NotFound;
        }

        return CanEdit(User, theme.DepartmentId) ? theme : LoadRefusal.Forbidden;
    }

    /// <summary>Department staff keep their own department's themes; the office keeps all.</summary>
    private static bool CanEdit(ClaimsPrincipal user, int departmentId) =>
        user.IsOffice() || (user.IsInRole(KyodoRoles.DepartmentStaff) && user.GetDepartmentId() == departmentId);

    private async Task<bool> ReferencesAreValidAsync(ThemeInput input, CancellationToken cancellationToken)
    {
        if (input.DepartmentId is { } departmentId && (!CanEdit(User, departmentId) || !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken)))
        {
            ModelState.AddModelError("Input.DepartmentId", localizer["この担当課の行政課題は登録できません。"]);
        }

        if (!await ActivityFieldQueries.AllExistAsync(db, input.FieldIds, cancellationToken))
        {
            ModelState.AddModelError("Input.FieldIds", localizer["活動分野の指定が正しくありません。"]);
        }

        return ModelState.IsValid;
    }

    private async Task<ThemeFormViewModel> FormAsync(int? id, ThemeInput input, CancellationToken cancellationToken)
    {
        var office = User.IsOffice();
        var ownDepartment = User.GetDepartmentId();
        var departments = await db.Departments.AsNoTracking()
            .Where(d => office ? d.IsActive || d.Id == input.DepartmentId : d.Id == ownDepartment)
            .OrderBy(d => d.Name)
            .Select(d => new SelectOption(d.Id, d.Name))
            .ToListAsync(cancellationToken);
        return new ThemeFormViewModel(id, input, departments, await ActivityFieldQueries.AllAsync(db, cancellationToken));
    }
}

public sealed record ThemeFormViewModel(int? Id, ThemeInput Input, IReadOnlyList<SelectOption> Departments, IReadOnlyList<SelectOption> FieldOptions)
{
    public bool IsNew => Id is null;
}
