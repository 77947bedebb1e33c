using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QaMinutes = KyodoPortal.Domain.Meetings.Minutes;

namespace KyodoPortal.Web.Features.Minutes;

/// <summary>
/// One exchange's page, for the office while the minutes can be edited: the question and asker,
/// the answers (added, corrected, removed) and the follow-up. A refusal shows the page again with
/// the person's input; once the minutes can no longer be edited, back to the minutes page with the
/// reason. Non-parties get 404, parties 403.
/// </summary>
[Authorize]
[Route("meetings/{id:int}/minutes/rows/{number:int}")]
public sealed class MinutesRowsController(KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Row(int id, int number, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, RowAsync(id, number, tracking: false, cancellationToken), row =>
            Task.FromResult<IActionResult>(row.Minutes.IsEditable ? View(Page(row)) : Redirect(MinutesController.MinutesUrl(id))));

    [HttpPost("")]
    public Task<IActionResult> UpdateRow(int id, int number, [Bind(Prefix = "Row")] RowInput input, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnRow(
            id, number, version, (row, by) => row.Minutes.UpdateRow(row.Context.Meeting, number, input.ToDraft(row.MemberNames), by.Now),
            "質疑応答を保存しました。", page => page with { RowInput = input }), cancellationToken);

    [HttpPost("answers")]
    public Task<IActionResult> AddAnswer(int id, int number, [Bind(Prefix = "Answer")] AnswerInput input, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnRow(
            id, number, version, (row, by) => row.Minutes.AddAnswer(number, ToDraft(row.Parties, input), by.Now),
            "回答を追加しました。", page => page with { NewAnswer = input }), cancellationToken);

    [HttpPost("answers/{answer:int}")]
    public Task<IActionResult> UpdateAnswer(int id, int number, int answer, [Bind(Prefix = "Edit")] AnswerInput input, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnRow(
            id, number, version, (row, by) =>
            {
                EnsureAnswerOf(row.Minutes, number, answer);
                row.Minutes.UpdateAnswer(answer, ToDraft(row.Parties, input), by.Now);
            },
            "回答を保存しました。", page => page with { EditedAnswerNumber = answer, EditedAnswer = input }), cancellationToken);

    [HttpPost("answers/{answer:int}/delete")]
    public Task<IActionResult> RemoveAnswer(int id, int number, int answer, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnRow(
            id, number, version, (row, by) =>
            {
                EnsureAnswerOf(row.Minutes, number, answer);
                row.Minutes.RemoveAnswer(answer, by.Now);
            },
            "回答を削除しました。", page => page), cancellationToken);

    [HttpPost("follow-up")]
    public Task<IActionResult> SetFollowUp(int id, int number, [Bind(Prefix = "FollowUp")] FollowUpInput input, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnRow(
            id, number, version, (row, by) => row.Minutes.SetFollowUp(number, input.ToDraft(), by.Now),
            "対応事項を保存しました。", page => page with { FollowUp = input }), cancellationToken);

    [HttpPost("follow-up/clear")]
    public Task<IActionResult> ClearFollowUp(int id, int number, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnRow(
            id, number, version, (row, by) => row.Minutes.ClearFollowUp(number, by.Now),
            "対応事項を削除しました。", page => page), cancellationToken);

    private static void EnsureAnswerOf(QaMinutes minutes, int rowNumber, int answerNumber)
    {
        if (minutes.RowOfAnswer(answerNumber).Number != rowNumber)
        {
            throw new DomainRuleException("指定された回答が見つかりません。");
        }
    }

    /// <summary>The answer draft from the chosen party, which must be one of the project's parties.</summary>
    private static QaAnswerDraft ToDraft(IReadOnlyList<PartyChoice> choices, AnswerInput input)
    {
        var choice = choices.FirstOrDefault(c => c.Value == input.Party)
            ?? throw new DomainRuleException("回答した当事者をこの協働事業の当事者から選択してください。");
        return new QaAnswerDraft(choice.Party, choice.Name, input.SpeakerRole, input.Text!);
    }

    private static RowPageViewModel Page(MinutesRow row) => new(
        row.Context.Meeting,
        row.Minutes,
        row.Row,
        MinutesQueries.AttendeesOf(row.Context.Meeting, row.MemberNames),
        row.Parties,
        RowInput.From(row.Row),
        new AnswerInput(),
        FollowUpInput.From(row.Row.FollowUp));

    /// <summary>One change on the row's page, on the version the page showed; back to the page.</summary>
    private FormCommand<MinutesRow> OnRow(int id, int number, int version, Action<MinutesRow, Actor> apply, UserMessage done, Func<RowPageViewModel, RowPageViewModel> keep) => new()
    {
        Load = ct => RowAsync(id, number, tracking: true, ct),
        Versioned = row => row.Minutes,
        Version = version,
        Apply = apply,
        Done = _ => done,
        RedirectTo = _ => $"{MinutesController.MinutesUrl(id)}/rows/{number}",
        ShowAgain = async (_, ct) =>
        {
            if (await RowAsync(id, number, tracking: false, ct) is { Value: { Minutes.IsEditable: true } fresh })
            {
                return View(nameof(Row), keep(Page(fresh)));
            }

            // Gone, or no longer a draft (circulated, published): the reason goes to the minutes page.
            TempData.Error(ModelState.Values.SelectMany(v => v.Errors).FirstOrDefault()?.ErrorMessage ?? localizer[FormCommands.ConcurrencyMessage].Value);
            return Redirect(MinutesController.MinutesUrl(id));
        },
    };

    /// <summary>The current version's row <paramref name="number"/> for the office (404 when there is none), its project's parties and the members present.</summary>
    private async Task<Loaded<MinutesRow>> RowAsync(int id, int number, bool tracking, CancellationToken cancellationToken)
    {
        var loaded = await MinutesContext.CurrentForOfficeAsync(db, User, id, tracking, cancellationToken);
        if (loaded.Value is not { } context)
        {
            return loaded.Refusal!;
        }

        if (context.Current!.Rows.FirstOrDefault(r => r.Number == number) is not { } row)
        {
            return LoadRefusal.NotFound;
        }

        var parties = await MinutesQueries.PartiesAsync(db, context, cancellationToken);
        var names = await MinutesQueries.MemberNamesAsync(db, context.Meeting, cancellationToken);
        return new MinutesRow(context, row, parties.GetValueOrDefault(row.AgendaProjectId) ?? [], names);
    }
}

/// <summary>A row of the current version, the parties its answers can be attributed to, and the members present by id.</summary>
public sealed record MinutesRow(MinutesContext Context, QaRow Row, IReadOnlyList<PartyChoice> Parties, IReadOnlyDictionary<string, string> MemberNames)
{
    public QaMinutes Minutes => Context.Current!;
}
