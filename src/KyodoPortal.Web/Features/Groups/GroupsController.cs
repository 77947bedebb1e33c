using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Groups;

[Route("groups")]
[Authorize(Roles = KyodoRoles.MasterDataEditors)]
public sealed class GroupsController(KyodoDbContext db, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, LegalForm? legalForm, int page = 1, CancellationToken cancellationToken = default) =>
        View(new GroupListViewModel(q, legalForm, await GroupQueries.ListAsync(db, q, legalForm, page, cancellationToken)));

    [HttpGet("new")]
    public IActionResult Create() => View("Form", new GroupFormViewModel(null, new GroupInput()));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] GroupInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var group = new CitizenGroup(input.Name!, input.NameKana, input.LegalForm!.Value, input.Representative, input.Area);
            db.CitizenGroups.Add(group);
            if (await db.TrySaveAsync(ModelState, localizer, "Input.Name", cancellationToken))
            {
                TempData["Success"] = localizer["市民活動団体「{0}」を登録しました。", group.Name].Value;
                return RedirectToAction(nameof(Index));
            }
        }

        return View("Form", new GroupFormViewModel(null, input));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var group = await db.CitizenGroups.FindAsync([id], cancellationToken);
        return group is null ? NotFound() : View("Form", new GroupFormViewModel(id, GroupInput.From(group)));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] GroupInput input, CancellationToken cancellationToken)
    {
        var group = await db.CitizenGroups.FindAsync([id], cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            db.ExpectVersion(group, input.Version);
            group.Update(input.Name!, input.NameKana, input.LegalForm!.Value, input.Representative, input.Area, input.IsActive);
            if (await db.TrySaveAsync(ModelState, localizer, "Input.Name", cancellationToken))
            {
                TempData["Success"] = localizer["市民活動団体「{0}」を更新しました。", group.Name].Value;
                return RedirectToAction(nameof(Index));
            }
        }

        return View("Form", new GroupFormViewModel(id, input));
    }
}

public sealed record GroupFormViewModel(int? Id, GroupInput Input)
{
    public bool IsNew => Id is null;
}
