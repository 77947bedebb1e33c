using System.Globalization;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Export;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// Downloads for the office: the raw answers (one row per response, one column per question, the
/// 「その他」 texts and reasons in their own columns) as xlsx or CSV, and the results table as xlsx;
/// each workbook ends with a sheet per choice question's table (【問1】, 【問2】…).
/// An anonymous survey's downloads, like its results page, wait for <see cref="SurveyResults.MinimumAnswers"/>
/// answers and name nobody.
/// </summary>
[Route("surveys/{id:int}/export")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class SurveyExportsController(
    KyodoDbContext db, TimeProvider clock, FormCommands commands, IStringLocalizer<SharedResource> localizer, [FromKeyedServices(nameof(SurveyTallies))] IMemoryCache tallies) : Controller
{
    /// <summary><c>?format=xlsx|csv</c>.</summary>
    [HttpGet("answers")]
    public Task<IActionResult> Answers(int id, [FromQuery] ExportFormat? format, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not { } chosen || !Enum.IsDefined(chosen))
        {
            return Task.FromResult<IActionResult>(BadRequest());
        }

        return commands.ShowAsync(this, ReadableAsync(id, cancellationToken), async survey =>
        {
            var rows = SurveyExportQueries.ResponsesAsync(db, survey, cancellationToken);
            var table = ExportTable.Create(localizer["{0}の回答", survey.Title].Value, rows, columns => AnswerColumns(survey, columns));
            if (chosen == ExportFormat.Csv)
            {
                return ExportFileResult.Create(table, chosen, clock);
            }

            // The workbook: the raw answers, then a sheet per choice question's table.
            return ExportFileResult.Workbook([table, .. QuestionSheets(await CountsAsync(survey, cancellationToken))], clock);
        });
    }

    /// <summary>The results table, one line per option of each question, as xlsx.</summary>
    [HttpGet("results")]
    public Task<IActionResult> Results(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, ReadableAsync(id, cancellationToken), async survey =>
        {
            var results = await CountsAsync(survey, cancellationToken);
            var lines = results.Questions.SelectMany(q => q.Options.Count == 0
                ? [(Question: q, Option: (OptionResult?)null)]
                : q.Options.Select(o => (Question: q, Option: (OptionResult?)o)));
            var table = ExportTable.Create(localizer["{0}の結果", survey.Title].Value, lines, c => c
                .Text(localizer["設問番号"], l => localizer["【問{0}】", l.Question.Number])
                .Text(localizer["設問"], l => l.Question.Text)
                .Text(localizer["設問の種類"], l => localizer.Label(l.Question.Kind))
                .Number(localizer["この設問の回答者数"], l => l.Question.Respondents)
                .Text(localizer["選択肢"], l => l.Option is { } o ? o.Number.ToString(CultureInfo.InvariantCulture) + "．" + o.Label : null)
                .Number(localizer["回答数"], l => l.Option?.Count)
                .Number(localizer["割合（%）"], l => l.Option?.Share?.Rounded));
            return ExportFileResult.Workbook([table, .. QuestionSheets(results)], clock);
        });

    /// <summary>The results' counts and shares (the tables have no texts).</summary>
    private async Task<SurveyResults> CountsAsync(Survey survey, CancellationToken cancellationToken) =>
        SurveyResults.Compute(survey, await SurveyTallies.TallyAsync(tallies, db, survey, textsPerGroup: 0, cancellationToken));

    /// <summary>
    /// A sheet per choice question, named 【問N】, as seed 001 tabulates it: the question over its options,
    /// each option's count and share, and the question's respondents (the base of the shares).
    /// </summary>
    private IEnumerable<ExportTable> QuestionSheets(SurveyResults results) =>
        results.Questions.Where(q => q.Options.Count > 0).Select(q => ExportTable.Create(
            localizer["【問{0}】", q.Number].Value,
            [
                .. q.Options.Select(o => (Label: o.Number.ToString(CultureInfo.InvariantCulture) + "．" + o.Label, o.Count, Share: o.Share?.Rounded)),
                (Label: localizer["この設問の回答者数"].Value, Count: q.Respondents, Share: (decimal?)null),
            ],
            c => c
                .Text(localizer["【問{0}】", q.Number].Value + " " + q.Text, l => l.Label)
                .Number(localizer["回答数"], l => l.Count)
                .Number(localizer[q.SharesMayExceedHundred ? "割合（%、回答者に対する割合）" : "割合（%）"], l => l.Share)));

    /// <summary>The source, then per question: the options chosen (joined with 「、」) or the free text, the 「その他」 text, the reason.</summary>
    private void AnswerColumns(Survey survey, ExportColumns<SurveyResponseRow> columns)
    {
        if (!survey.IsAnonymous)
        {
            columns.Number(localizer["回答番号"], r => r.Id)
                .Text(localizer["回答者"], r => r.Respondent is { } person ? person.DisplayName : null)
                .Text(localizer["メールアドレス"], r => r.Respondent?.Email);
        }

        columns.Text(localizer["回答方法"], r => localizer.Label(r.Source));
        foreach (var question in survey.Questions.OrderBy(q => q.Number))
        {
            var heading = localizer["【問{0}】", question.Number].Value + question.Text;
            var questionId = question.Id;
            if (!question.IsChoice)
            {
                columns.Text(heading, r => r.Answers.GetValueOrDefault(questionId)?.Text);
                continue;
            }

            var labels = question.Options.ToDictionary(o => o.Id, o => o.Label);
            columns.Text(heading, r => r.Choices.Contains(questionId) ? string.Join("、", r.Choices[questionId].Select(o => labels[o])) : null);
            if (question.Options.Any(o => o.IsOther))
            {
                columns.Text(localizer["【問{0}】その他の内容", question.Number], r => r.Answers.GetValueOrDefault(questionId)?.OtherText);
            }

            if (question.AsksReason)
            {
                columns.Text(localizer["【問{0}】理由", question.Number], r => r.Answers.GetValueOrDefault(questionId)?.Reason);
            }
        }
    }

    /// <summary>A survey that has results to download; an anonymous one below the threshold goes back to its results page with the reason.</summary>
    private async Task<Loaded<Survey>> ReadableAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await SurveyQueries.SurveyAsync(db, id, cancellationToken);
        if (survey is null || survey.IsDraft)
        {
            return LoadRefusal.NotFound;
        }

        if (survey.IsAnonymous && (await SurveyQueries.ResponseCountsAsync(db, id, cancellationToken)).All < SurveyResults.MinimumAnswers)
        {
            return LoadRefusal.Redirect($"/surveys/{id}/results", new UserMessage("無記名のアンケートは、回答者が特定されないよう、回答が{0}件以上になるまで結果を表示しません。", SurveyResults.MinimumAnswers));
        }

        return survey;
    }
}
