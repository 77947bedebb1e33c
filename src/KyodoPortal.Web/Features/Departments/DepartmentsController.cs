using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Departments;

[Route("departments")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class DepartmentsController(KyodoDbContext db, FormCommands commands) : Controller
{
    private const string FormView = "Form";
    private const string NameField = "Input.Name";
    private const string ListUrl = "/departments";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = DepartmentQueries.Columns.Query(new ListRequest(q, sort, dir));
        return View(new DepartmentListViewModel(query, await DepartmentQueries.ListAsync(db, query, page, cancellationToken)));
    }

    [HttpGet("new")]
    public IActionResult Create() => View(FormView, new DepartmentFormViewModel(null, new DepartmentInput()));

    [HttpPost("new")]
    public Task<IActionResult> Create([Bind(Prefix = "Input")] DepartmentInput input, CancellationToken cancellationToken)
    {
        Department? department = null;
        return commands.RunAsync(this, new FormCommand<NoRecord>
        {
            Load = NoRecord.LoadAsync,
            Once = true,
            Apply = (_, _) => db.Departments.Add(department = new Department(input.Name!, input.Division, input.ContactEmail, input.ContactPhone)),
            Done = _ => new("担当課「{0}」を登録しました。", department!.Name),
            RedirectTo = _ => ListUrl,
            UniqueField = NameField,
            ShowAgain = (_, _) => Task.FromResult<IActionResult>(View(FormView, new DepartmentFormViewModel(null, input))),
        }, cancellationToken);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var department = await db.Departments.FindAsync([id], cancellationToken);
        return department is null ? NotFound() : View(FormView, new DepartmentFormViewModel(id, DepartmentInput.From(department)));
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] DepartmentInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Department>
        {
            Load = async ct => await db.Departments.FindAsync([id], ct) is { } department ? department : LoadRefusal.NotFound,
            Versioned = department => department,
            Version = input.Version,
            Apply = (department, _) => department.Update(input.Name!, input.Division, input.ContactEmail, input.ContactPhone, input.IsActive),
            Done = department => new("担当課「{0}」を更新しました。", department.Name),
            RedirectTo = _ => ListUrl,
            UniqueField = NameField,
            ShowAgain = (_, _) => Task.FromResult<IActionResult>(View(FormView, new DepartmentFormViewModel(id, input))),
        }, cancellationToken);
}

public sealed record DepartmentFormViewModel(int? Id, DepartmentInput Input)
{
    public bool IsNew => Id is null;
}
