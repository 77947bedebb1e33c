using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Proposals;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Caching;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Calls;

/// <summary>
/// 募集: the coordinating office opens a call with its window, caps and screening criteria;
/// the public reads it while published, and groups or departments propose from it.
/// </summary>
[Route("calls")]
public sealed class CallsController(KyodoDbContext db, TimeProvider clock, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    [AllowAnonymous]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Index(string? q, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = CallQueries.Columns.Query(new ListRequest(q, sort, dir));
        return View(new CallListViewModel(await CallQueries.ListAsync(db, publishedOnly: !User.IsOffice(), query, page, cancellationToken), query, clock.UtcNow(), User.IsOffice()));
    }

    [HttpGet("{id:int}")]
    [AllowAnonymous]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var call = await CallQueries.DetailsAsync(db, id, publishedOnly: !User.IsOffice(), cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        var now = clock.UtcNow();
        var isOpen = call.IsPublished && call.OpensAtUtc <= now && now < call.ClosesAtUtc;
        var proposals = User.IsOffice() ? await db.Proposals.CountAsync(p => p.CallId == id, cancellationToken) : 0;
        var hasResults = call.IsPublished && await db.ScreeningPanels.AnyAsync(
            p => p.CallId == id && p.Status == Domain.Screening.ScreeningPanelStatus.Closed && p.Decisions.Any(),
            cancellationToken);
        return View(new CallDetailsViewModel(call, isOpen, isOpen && ProposalAccess.MayPropose(User, call.ProposalType), User.IsOffice(), proposals, hasResults));
    }

    [HttpGet("new")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var next = FiscalYear.Of(clock.GetUtcNow()).Next();
        var input = new CallInput
        {
            Name = localizer["{0} 市民活動団体提案協働事業", next.ToString(System.Globalization.CultureInfo.CurrentUICulture)],
            ProposalType = ProposalType.GroupProposal,
            FiscalYear = next.StartYear,
            MaxTermYears = 3,
        };
        input.PadCriteria();
        return View("Form", await FormAsync(null, input, criteriaLocked: false, cancellationToken));
    }

    [HttpPost("new")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Create([Bind(Prefix = "Input")] CallInput input, CancellationToken cancellationToken)
    {
        Call? created = null;
        return commands.RunAsync(this, new FormCommand<NoRecord>
        {
            Load = NoRecord.LoadAsync,
            Once = true,
            ApplyAsync = async (_, _, ct) =>
            {
                if (await ThemesExistAsync(input, ct))
                {
                    db.Calls.Add(created = CreateCall(input));
                }
            },
            Done = _ => new("募集「{0}」を作成しました。公開するまで一般には表示されません。", created!.Name),
            RedirectTo = _ => $"/calls/{created!.Id}",
            ShowAgain = (_, ct) => FormAgainAsync(null, input, criteriaLocked: false, ct),
        }, cancellationToken);
    }

    private static Call CreateCall(CallInput input)
    {
        var call = new Call(
            input.Name!, input.ProposalType!.Value, input.FiscalYear!.Value,
            JapanTime.ToUtc(input.OpensAt!.Value), JapanTime.ToUtc(input.ClosesAt!.Value),
            input.MaxCityShareTotal!.Value, input.MaxCitySharePerYear!.Value, input.MaxTermYears!.Value, input.Guidance);
        call.ReplaceThemes(input.ThemeIds);
        call.ReplaceCriteria(input.ToCriterionDrafts());
        return call;
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return call is null ? NotFound() : View("Form", await FormAsync(id, CallInput.From(call), call.CriteriaLocked, cancellationToken));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] CallInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Call>
        {
            Load = ct => LoadAsync(id, ct),
            Versioned = call => call,
            Version = input.Version,
            ApplyAsync = async (call, _, ct) =>
            {
                // Proposals already written depend on the call's type (who proposes) and fiscal year.
                if ((input.ProposalType != call.ProposalType || input.FiscalYear != call.FiscalYear)
                    && await db.Proposals.AnyAsync(p => p.CallId == id, ct))
                {
                    ModelState.AddModelError(string.Empty, localizer["提案がある募集の提案の種類と対象年度は変更できません。"]);
                }

                if (!await ThemesExistAsync(input, ct))
                {
                    return;
                }

                call.Update(
                    input.Name!, input.ProposalType!.Value, input.FiscalYear!.Value,
                    JapanTime.ToUtc(input.OpensAt!.Value), JapanTime.ToUtc(input.ClosesAt!.Value),
                    input.MaxCityShareTotal!.Value, input.MaxCitySharePerYear!.Value, input.MaxTermYears!.Value, input.Guidance);
                call.ReplaceThemes(input.ThemeIds);
                call.ReplaceCriteria(input.ToCriterionDrafts());
            },
            Done = call => new("募集「{0}」を更新しました。", call.Name),
            RedirectTo = _ => $"/calls/{id}",
            UniqueField = "Input.Name",
            ShowAgain = (call, ct) => FormAgainAsync(id, input, call.CriteriaLocked, ct),
        }, cancellationToken);

    [HttpPost("{id:int}/publish")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Publish(int id, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Call>
        {
            Load = ct => LoadAsync(id, ct),
            Apply = (call, _) =>
            {
                if (!call.IsPublished)
                {
                    call.Publish();
                }
            },
            Done = call => new("募集「{0}」を公開しました。", call.Name),
            RedirectTo = _ => $"/calls/{id}",
        }, cancellationToken);

    [HttpPost("{id:int}/unpublish")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Call>
        {
            Load = ct => LoadAsync(id, ct),
            Apply = (call, _) =>
            {
                if (call.IsPublished)
                {
                    call.Unpublish();
                }
            },
            Done = call => new("募集「{0}」を非公開にしました。", call.Name),
            RedirectTo = _ => $"/calls/{id}",
        }, cancellationToken);

    private async Task<Loaded<Call>> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.Calls.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } call ? call : LoadRefusal.NotFound;

    private async Task<bool> ThemesExistAsync(CallInput input, CancellationToken cancellationToken)
    {
        var ids = input.ThemeIds.Distinct().ToList();
        if (await db.Themes.CountAsync(t => ids.Contains(t.Id), cancellationToken) != ids.Count)
        {
            ModelState.AddModelError("Input.ThemeIds", localizer["行政課題の指定が正しくありません。"]);
        }

        return ModelState.IsValid;
    }

    private async Task<IActionResult> FormAgainAsync(int? id, CallInput input, bool criteriaLocked, CancellationToken cancellationToken)
    {
        input.PadCriteria();
        return View("Form", await FormAsync(id, input, criteriaLocked, cancellationToken));
    }

    private async Task<CallFormViewModel> FormAsync(int? id, CallInput input, bool criteriaLocked, CancellationToken cancellationToken) =>
        new(id, input, await CallQueries.ThemeOptionsAsync(db, cancellationToken), criteriaLocked);
}

public sealed record CallFormViewModel(int? Id, CallInput Input, IReadOnlyList<SelectOption> ThemeOptions, bool CriteriaLocked)
{
    public bool IsNew => Id is null;
}
