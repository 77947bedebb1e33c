using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Departments;

[Route("departments")]
[Authorize(Roles = KyodoRoles.MasterDataEditors)]
public sealed class DepartmentsController(KyodoDbContext db, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default) =>
        View(new DepartmentListViewModel(q, await DepartmentQueries.ListAsync(db, q, page, cancellationToken)));

    [HttpGet("new")]
    public IActionResult Create() => View("Form", new DepartmentFormViewModel(null, new DepartmentInput()));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] DepartmentInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var department = new Department(input.Name!, input.Division, input.ContactEmail, input.ContactPhone);
            db.Departments.Add(department);
            if (await db.TrySaveAsync(ModelState, localizer, "Input.Name", cancellationToken))
            {
                TempData["Success"] = localizer["担当課「{0}」を登録しました。", department.Name].Value;
                return RedirectToAction(nameof(Index));
            }
        }

        return View("Form", new DepartmentFormViewModel(null, input));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var department = await db.Departments.FindAsync([id], cancellationToken);
        return department is null ? NotFound() : View("Form", new DepartmentFormViewModel(id, DepartmentInput.From(department)));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] DepartmentInput input, CancellationToken cancellationToken)
    {
        var department = await db.Departments.FindAsync([id], cancellationToken);
        if (department is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            db.ExpectVersion(department, input.Version);
            department.Update(input.Name!, input.Division, input.ContactEmail, input.ContactPhone, input.IsActive);
            if (await db.TrySaveAsync(ModelState, localizer, "Input.Name", cancellationToken))
            {
                TempData["Success"] = localizer["担当課「{0}」を更新しました。", department.Name].Value;
                return RedirectToAction(nameof(Index));
            }
        }

        return View("Form", new DepartmentFormViewModel(id, input));
    }
}

public sealed record DepartmentFormViewModel(int? Id, DepartmentInput Input)
{
    public bool IsNew => Id is null;
}
