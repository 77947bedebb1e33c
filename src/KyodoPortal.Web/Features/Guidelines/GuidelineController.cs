using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// 指針: the guideline page (periods, classification scheme, areas) for city staff, and the
/// coordinator's setup forms. Each form is small; a refusal comes back to this page as a message.
/// </summary>
[Route("guideline")]
[Authorize(Policy = KyodoPolicies.Staff)]
public sealed class GuidelineController(KyodoDbContext db, FormCommands commands) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new GuidelinePageViewModel(
            await GuidelineQueries.GuidelineAsync(db, cancellationToken),
            await GuidelineQueries.MeasureCountsAsync(db, cancellationToken),
            User.Meets(KyodoPolicies.Office)));

    [HttpPost("")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Create([Bind(Prefix = "Guideline")] GuidelineInput input, CancellationToken cancellationToken)
    {
        Guideline? created = null;
        return commands.RunAsync(this, new FormCommand<NoRecord>
        {
            Load = async ct => await GuidelineQueries.GuidelineAsync(db, ct) is null ? NoRecord.Instance : LoadRefusal.Redirect("/guideline"),
            Once = true,
            Apply = (_, _) =>
            {
                created = new Guideline(input.Title!);
                db.Guidelines.Add(created);
            },
            Done = _ => new("指針「{0}」を登録しました。", created!.Title),
            RedirectTo = _ => "/guideline",
        }, cancellationToken);
    }

    [HttpPost("periods")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> AddPeriod([Bind(Prefix = "Period")] PeriodInput input, CancellationToken cancellationToken)
    {
        GuidelinePeriod? added = null;
        return Change(
            guideline => added = guideline.AddPeriod(input.FirstFiscalYear!.Value, input.LastFiscalYear!.Value),
            _ => new("第{0}期（案）を追加しました。", added!.Number),
            cancellationToken);
    }

    [HttpPost("periods/{number:int}/adopt")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Adopt(int number, [Bind(Prefix = "Adopt")] AdoptInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Guideline>
        {
            Load = LoadAsync,
            RequiresConfirmation = true,
            Apply = (guideline, _) => guideline.PeriodNumbered(number).Adopt(input.AdoptedOn!.Value),
            Done = _ => new("第{0}期を策定済みにしました。", number),
            RedirectTo = _ => "/guideline",
        }, cancellationToken);

    [HttpPost("periods/{number:int}/deadline")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> SetDeadline(int number, [Bind(Prefix = "Deadline")] DeadlineInput input, CancellationToken cancellationToken) =>
        Change(
            guideline => guideline.PeriodNumbered(number).SetDeadline(input.FiscalYear!.Value, input.DueOn!.Value),
            _ => new("{0}の進捗の提出期限を{1}にしました。", new Domain.Common.FiscalYear(input.FiscalYear!.Value), input.DueOn!.Value),
            cancellationToken);

    [HttpPost("classifications")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> AddClassification([Bind(Prefix = "Classification")] ClassificationInput input, CancellationToken cancellationToken) =>
        Change(
            guideline => guideline.AddClassification(input.Code!, input.Description!, input.IsPriority),
            _ => new("分類「{0}」を追加しました。", input.Code!.Trim()),
            cancellationToken);

    [HttpPost("classifications/{classificationId:int}")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> UpdateClassification(int classificationId, [Bind(Prefix = "Classification")] ClassificationInput input, CancellationToken cancellationToken) =>
        Change(
            guideline => guideline.UpdateClassification(
                guideline.Classifications.FirstOrDefault(c => c.Id == classificationId) ?? throw new Domain.Common.DomainRuleException("この分類はありません。"),
                input.Code!,
                input.Description!,
                input.IsPriority),
            _ => new("分類「{0}」を更新しました。", input.Code!.Trim()),
            cancellationToken);

    [HttpPost("areas")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> AddArea([Bind(Prefix = "Area")] AreaInput input, CancellationToken cancellationToken)
    {
        GuidelineArea? added = null;
        return Change(
            guideline => added = guideline.AddArea(input.Title!, input.Heading),
            _ => new("（{0}）{1}を追加しました。", added!.Number, added.Title),
            cancellationToken);
    }

    [HttpPost("sub-areas")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> AddSubArea([Bind(Prefix = "SubArea")] AreaInput input, CancellationToken cancellationToken)
    {
        GuidelineSubArea? added = null;
        return Change(
            guideline => added = guideline.AddSubArea(
                guideline.Areas.FirstOrDefault(a => a.Id == input.AreaId) ?? throw new Domain.Common.DomainRuleException("施策の分野を選んでください。"),
                input.Title!),
            _ => new("項目「{0} {1}」を追加しました。", added!.Letter, added.Title),
            cancellationToken);
    }

    private Task<IActionResult> Change(Action<Guideline> change, Func<Guideline, Domain.Common.UserMessage> done, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Guideline>
        {
            Load = LoadAsync,
            Apply = (guideline, _) => change(guideline),
            Done = done,
            RedirectTo = _ => "/guideline",
            UniqueMessage = "同じものが既に登録されています。",
        }, cancellationToken);

    private async Task<Loaded<Guideline>> LoadAsync(CancellationToken cancellationToken) =>
        await GuidelineQueries.GuidelineAsync(db, cancellationToken, tracked: true) is { } guideline ? guideline : LoadRefusal.NotFound;
}
