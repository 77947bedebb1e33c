using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// アンケート for the coordinating office: the list, a draft's settings, its page with the
/// questions, and the moves draft → open → closed → results published.
/// </summary>
[Route("surveys")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class SurveysController(KyodoDbContext db, TimeProvider clock, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default) =>
        View(await SurveyQueries.ListAsync(db, new ListRequest(q, sort, dir), page, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Infrastructure.Formatting.JapanTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        return await FormAsync(null, new SurveyInput { OpensOn = today, ClosesOn = today.AddDays(14) }, cancellationToken);
    }

    [HttpPost("new")]
    public Task<IActionResult> Create([Bind(Prefix = "Input")] SurveyInput input, string? find, CancellationToken cancellationToken)
    {
        if (IsSearch(find))
        {
            return FormAsync(null, input, cancellationToken);
        }

        Survey? created = null;
        return commands.RunAsync(this, new FormCommand<NoRecord>
        {
            Load = NoRecord.LoadAsync,
            Once = true,
            ApplyAsync = async (_, by, ct) =>
            {
                if (await SurveyForms.LinksKnownAsync(db, input, ModelState, localizer, ct) && await AudienceAsync(input, ct) is { } audience)
                {
                    created = new Survey(input.ToDraft(), by.UserId, by.Now);
                    ApplyAudience(created, input, audience);
                    db.Surveys.Add(created);
                }
            },
            Done = _ => new("アンケート「{0}」を作成しました。続けて設問を追加してください。", created!.Title),
            RedirectTo = _ => $"/surveys/{created!.Id}",
            ShowAgain = (_, ct) => FormAsync(null, input, ct),
        }, cancellationToken);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var survey = await SurveyQueries.SurveyAsync(db, id, cancellationToken);
        if (survey is null)
        {
            return NotFound();
        }

        return View(new SurveyPageViewModel(
            survey,
            await SurveyQueries.ResponseCountsAsync(db, id, cancellationToken),
            await SurveyQueries.AudienceSummaryAsync(db, survey, cancellationToken),
            await SurveyQueries.LinksAsync(db, survey, cancellationToken)));
    }

    [HttpGet("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, SurveyForms.DraftAsync(db, id, tracked: false, cancellationToken), async survey =>
        {
            var emails = await SurveyQueries.AudienceEmailsAsync(db, [.. survey.Audience.Where(a => a.UserId is not null).Select(a => a.UserId!)], cancellationToken);
            return await FormAsync(id, SurveyInput.From(survey, emails), cancellationToken);
        });

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] SurveyInput input, string? find, CancellationToken cancellationToken) =>
        IsSearch(find) ? FormAsync(id, input, cancellationToken) : commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = ct => LoadAsync(id, ct),
            Versioned = survey => survey,
            Version = input.Version,
            ApplyAsync = async (survey, _, ct) =>
            {
                if (await SurveyForms.LinksKnownAsync(db, input, ModelState, localizer, ct) && await AudienceAsync(input, ct) is { } audience)
                {
                    survey.Update(input.ToDraft());
                    ApplyAudience(survey, input, audience);
                }
            },
            Done = survey => new("アンケート「{0}」を更新しました。", survey.Title),
            RedirectTo = _ => $"/surveys/{id}",
            ShowAgain = (_, ct) => FormAsync(id, input, ct),
        }, cancellationToken);

    /// <summary>Starts next year's survey from this one: a new draft (see <see cref="Survey.CopyAsDraft"/>), then its settings form.</summary>
    [HttpPost("{id:int}/copy")]
    public Task<IActionResult> Copy(int id, CancellationToken cancellationToken)
    {
        Survey? copy = null;
        return commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = async ct => await SurveyQueries.SurveyAsync(db, id, ct) is { } survey ? survey : LoadRefusal.NotFound,
            Once = true,
            Apply = (survey, by) =>
            {
                copy = survey.CopyAsDraft(by.UserId, by.Now);
                db.Surveys.Add(copy);
            },
            Done = _ => new("アンケート「{0}」を複製しました。題名と回答期間を確認してください。", copy!.Title),
            RedirectTo = _ => $"/surveys/{copy!.Id}/edit",
            RedirectOnRefusal = _ => $"/surveys/{id}",
        }, cancellationToken);
    }

    [HttpPost("{id:int}/open")]
    public Task<IActionResult> Open(int id, int version, CancellationToken cancellationToken) =>
        Move(id, version, (survey, by) => survey.Open(by.UserId, by.Now), "アンケート「{0}」の回答受付を開始しました。", cancellationToken);

    [HttpPost("{id:int}/close")]
    public Task<IActionResult> Close(int id, int version, CancellationToken cancellationToken) =>
        Move(id, version, (survey, by) => survey.Close(by.UserId, by.Now), "アンケート「{0}」の回答受付を締め切りました。", cancellationToken);

    /// <summary>Publishes the results to the scope chosen on the survey page (回答者に公開 / 一般に公開 / 庁内のみ).</summary>
    [HttpPost("{id:int}/publish")]
    public Task<IActionResult> Publish(int id, int version, SurveyResultsScope? scope, CancellationToken cancellationToken) =>
        Move(id, version, (survey, by) => survey.PublishResults(by.UserId, by.Now, scope ?? throw new DomainRuleException("結果の公開範囲を選んでください。")), "アンケート「{0}」の結果を公開しました。", cancellationToken);

    /// <summary>A new answer link for a link survey: the old address stops working at once.</summary>
    [HttpPost("{id:int}/link")]
    public Task<IActionResult> RegenerateLink(int id, int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = ct => LoadAsync(id, ct),
            Versioned = survey => survey,
            Version = version,
            RequiresConfirmation = true,
            Apply = (survey, _) => survey.RegenerateLink(),
            Done = survey => new("アンケート「{0}」の回答用リンクを作り直しました。前のリンクは使えなくなりました。", survey.Title),
            RedirectTo = _ => $"/surveys/{id}",
        }, cancellationToken);

    private Task<IActionResult> Move(int id, int version, Action<Survey, Actor> move, string done, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = ct => LoadAsync(id, ct),
            Versioned = survey => survey,
            Version = version,
            RequiresConfirmation = true,
            Apply = move,
            Done = survey => new(done, survey.Title),
            RedirectTo = _ => $"/surveys/{id}",
        }, cancellationToken);

    private async Task<Loaded<Survey>> LoadAsync(int id, CancellationToken cancellationToken) =>
        await SurveyQueries.TrackedAsync(db, id, cancellationToken) is { } survey ? survey : LoadRefusal.NotFound;

    /// <summary>
    /// 「団体を検索」 and 「事業を検索」 post the whole form (so nothing typed is lost, without JavaScript): the
    /// form comes back with the groups or projects found and what was entered, unchecked and unsaved.
    /// </summary>
    private bool IsSearch(string? find)
    {
        if (find is not ("groups" or "projects"))
        {
            return false;
        }

        ModelState.Clear();
        return true;
    }

    private async Task<IActionResult> FormAsync(int? id, SurveyInput input, CancellationToken cancellationToken) =>
        View("Form", new SurveyFormViewModel(
            id,
            input,
            await SurveyQueries.AudienceChoicesAsync(db, input, cancellationToken),
            await SurveyQueries.LinkChoicesAsync(db, input, FiscalYear.Of(clock.GetUtcNow()), cancellationToken)));

    /// <summary>The audience rows the kind asks for: the named accounts, the chosen departments or groups, or none.</summary>
    private static void ApplyAudience(Survey survey, SurveyInput input, List<string> accounts)
    {
        switch (input.AudienceKind)
        {
            case SurveyAudienceKind.Departments:
                survey.ChooseDepartments(input.DepartmentIds);
                break;
            case SurveyAudienceKind.Groups:
                survey.ChooseGroups(input.GroupIds);
                break;
            default:
                survey.ReplaceAudience(accounts);
                break;
        }
    }

    /// <summary>The named accounts' ids (none for other audiences), or null with the unknown addresses on the form.</summary>
    private async Task<List<string>?> AudienceAsync(SurveyInput input, CancellationToken cancellationToken)
    {
        if (input.AudienceKind is SurveyAudienceKind.Departments or SurveyAudienceKind.Groups)
        {
            var (departments, groups) = (input.DepartmentIds, input.GroupIds);
            var known = input.AudienceKind == SurveyAudienceKind.Departments
                ? await db.Departments.CountAsync(d => departments.Contains(d.Id), cancellationToken) == departments.Distinct().Count()
                : await db.CitizenGroups.CountAsync(g => groups.Contains(g.Id), cancellationToken) == groups.Distinct().Count();
            if (!known)
            {
                ModelState.AddModelError(input.AudienceKind == SurveyAudienceKind.Departments ? "Input.DepartmentIds" : "Input.GroupIds", localizer["選んだ課または団体が見つかりません。"]);
                return null;
            }

            return [];
        }

        if (input.AudienceKind != SurveyAudienceKind.NamedAccounts)
        {
            return [];
        }

        var (ids, unknown) = await SurveyQueries.AccountsAsync(db, input.Emails(), cancellationToken);
        if (unknown.Count > 0)
        {
            ModelState.AddModelError("Input.AudienceEmails", localizer["登録されていないメールアドレスがあります：{0}", string.Join("、", unknown)]);
            return null;
        }

        return ids;
    }
}
