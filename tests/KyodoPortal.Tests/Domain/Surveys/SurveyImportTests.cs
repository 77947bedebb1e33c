using System.Text;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Surveys;

namespace KyodoPortal.Tests.Domain.Surveys;

/// <summary>Issue 16, second increment: rows of another system's CSV checked against a survey.</summary>
public class SurveyImportTests
{
    static SurveyImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Seed 001's 25 answers as an e-application service would export them: a receipt number, then
    /// 問1 by label, 問2–問6 by full-width option number, 問7 as text.
    /// </summary>
    /// <summary>
    /// Seed 001's 25 answers as the e-application service exports them; with <paramref name="extras"/>,
    /// also a reason column for each question that asks one (問2 理由) and a その他 column for each
    /// question that has one (問5 その他), after the answers.
    /// </summary>
    internal static string Seed001Csv(Survey survey, bool extras = false)
    {
        var reasonQuestions = extras ? survey.Questions.Where(q => q.AsksReason).OrderBy(q => q.Number).ToList() : [];
        var otherQuestions = extras ? survey.Questions.Where(q => q.Options.Any(o => o.IsOther)).OrderBy(q => q.Number).ToList() : [];
        var lines = new List<string>
        {
            string.Join(',', ["受付番号,役職,問2,問3,問4,問5,問6,ご意見", .. reasonQuestions.Select(q => $"問{q.Number} 理由"), .. otherQuestions.Select(q => $"問{q.Number} その他")]),
        };
        foreach (var (answers, row) in Seed001Survey.Answers(survey).Select((a, i) => (a, i)))
        {
            var cells = new List<string> { $"R{row + 1:000}" };
            foreach (var question in survey.Questions.OrderBy(q => q.Number))
            {
                var answer = answers.FirstOrDefault(a => a.QuestionId == question.Id);
                var option = answer is { OptionIds.Count: > 0 } ? question.Options.Single(o => o.Id == answer.OptionIds[0]) : null;
                cells.Add(question.Number == 1 ? option!.Label
                    : option is not null ? new string(option.Number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')).ToArray())
                    : "\"" + (answer?.Text ?? string.Empty).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            }

            foreach (var question in reasonQuestions)
            {
                cells.Add(Quoted(answers.FirstOrDefault(a => a.QuestionId == question.Id)?.Reason));
            }

            foreach (var question in otherQuestions)
            {
                cells.Add(Quoted(answers.FirstOrDefault(a => a.QuestionId == question.Id)?.OtherText));
            }

            lines.Add(string.Join(',', cells));
        }

        return string.Join("\r\n", lines) + "\r\n";

        static string Quoted(string? text) => "\"" + (text ?? string.Empty).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    [Fact]
    public void Reason_and_other_columns_give_each_answer_its_reason_and_its_other_text()
    {
        var survey = SurveyTests.Seed001();
        var table = SurveyImportFile.ReadCsv(Encoding.UTF8.GetBytes(Seed001Csv(survey, extras: true)));
        var reasonColumns = survey.Questions.Where(q => q.AsksReason).ToDictionary(q => q.Id, q => table.Header.ToList().IndexOf($"問{q.Number} 理由"));
        var otherColumns = survey.Questions.Where(q => q.Options.Any(o => o.IsOther)).ToDictionary(q => q.Id, q => table.Header.ToList().IndexOf($"問{q.Number} その他"));

        var preview = SurveyImport.Check(survey, table.Rows, Columns(survey), reasonColumns: reasonColumns, otherColumns: otherColumns);
        var without = SurveyImport.Check(survey, table.Rows, Columns(survey));

        Assert.True(preview.IsValid, string.Join('\n', preview.Problems));
        Assert.Equal(
            Seed001Survey.Answers(survey).SelectMany(a => a).Where(a => a.Reason is not null).Select(a => (a.QuestionId, a.OptionIds[0], a.Reason)).Order(),
            preview.Rows.SelectMany(r => r.Answers).Where(a => a.Reason is not null).Select(a => (a.QuestionId, a.OptionIds[0], a.Reason)).Order());
        Assert.Equal(
            Seed001Survey.Answers(survey).SelectMany(a => a).Count(a => a.OtherText is not null),
            preview.Rows.SelectMany(r => r.Answers).Count(a => a.OtherText is not null));
        Assert.DoesNotContain(without.Rows.SelectMany(r => r.Answers), a => a.Reason is not null || a.OtherText is not null);
        Assert.Contains(preview.Rows.SelectMany(r => r.Answers), a => a.Reason == "市長の考えもよくわかり、とても感銘を受けた。");
    }

    private static Dictionary<int, int> Columns(Survey survey) =>
        survey.Questions.ToDictionary(q => q.Id, q => q.Number);

    [Theory]
    [InlineData("shift_jis", false, "Shift_JIS")]
    [InlineData("utf-8", true, "UTF-8")]
    [InlineData("utf-8", false, "UTF-8")]
    public void Seed_001_imported_from_a_CSV_gives_the_citys_table_whatever_the_encoding(string encoding, bool bom, string detected)
    {
        var survey = SurveyTests.Seed001();
        var text = Encoding.GetEncoding(encoding).GetBytes(Seed001Csv(survey));
        var bytes = bom ? [0xEF, 0xBB, 0xBF, .. text] : text;

        var table = SurveyImportFile.ReadCsv(bytes);
        var preview = SurveyImport.Check(survey, table.Rows, Columns(survey));
        var results = SurveyResults.Compute(survey, SurveyTests.Tally(survey, preview.Rows.Select(r => SurveyResponse.Record(survey, r.Answers, SurveyMethod.Imported))));

        Assert.Equal(detected, table.EncodingName);
        Assert.Equal("役職", table.Header[1]);
        Assert.True(preview.IsValid, string.Join('\n', preview.Problems));
        Assert.Equal(25, preview.Rows.Select(r => r.Hash).Distinct().Count());
        Assert.Equal("92.6%", results.ResponseRate.ToString());
        Assert.Equal(["32.0%", "64.0%", "4.0%"], results.Questions[0].Options.Select(o => o.Share.ToString()));
        Assert.Equal(["12.0%", "68.0%", "20.0%", "0.0%"], results.Questions[1].Options.Select(o => o.Share.ToString()));
        Assert.Equal([3, 8, 1, 3, 2, 3, 1, 4], results.Questions[4].Options.Select(o => o.Count));
    }

    [Fact]
    public void A_value_no_option_matches_and_a_missing_answer_are_listed_by_row_and_the_preview_cannot_be_saved()
    {
        var survey = SurveyTests.Seed001();
        var csv = Seed001Csv(survey).Split("\r\n");
        csv[1] = csv[1].Replace("課長", "部長", StringComparison.Ordinal);
        csv[3] = string.Join(',', csv[3].Split(',').Select((cell, i) => i == 3 ? string.Empty : cell));

        var table = SurveyImportFile.ReadCsv(Encoding.UTF8.GetBytes(string.Join("\r\n", csv)));
        var preview = SurveyImport.Check(survey, table.Rows, Columns(survey));

        Assert.False(preview.IsValid);
        Assert.Equal(
            ["{0}行目：{1} 2 【問{0}】の「{1}」に合う選択肢がありません（選択肢の番号か文言を指定してください）。", "{0}行目：{1} 4 【問{0}】に回答してください。"],
            preview.Problems.Select(p => $"{p.Template} {p.Arguments[0]} {((KyodoPortal.Domain.Common.UserMessage)p.Arguments[1]!).Template}"));
        Assert.Equal(23, preview.Rows.Count(r => r.IsValid));
    }

    [Fact]
    public async Task Seed_001_imported_from_an_xlsx_gives_the_same_rows_and_a_file_that_is_not_a_spreadsheet_is_recognised()
    {
        var survey = SurveyTests.Seed001();
        var csv = SurveyImportFile.ReadCsv(Encoding.UTF8.GetBytes(Seed001Csv(survey)));
        using var stream = new MemoryStream();
        await using (var spreadsheet = await SpreadCheetah.Spreadsheet.CreateNewAsync(stream))
        {
            await spreadsheet.StartWorksheetAsync("回答");
            foreach (var row in new[] { csv.Header }.Concat(csv.Rows))
            {
                await spreadsheet.AddRowAsync([.. row.Select(c => new SpreadCheetah.Cell(c))]);
            }

            await spreadsheet.FinishAsync();
        }

        var table = SurveyImportFile.ReadXlsx(stream.ToArray());
        var preview = SurveyImport.Check(survey, table!.Rows, Columns(survey));

        Assert.Equal(csv.Header, table.Header);
        Assert.Equal(csv.Rows, table.Rows);
        Assert.True(preview.IsValid, string.Join('\n', preview.Problems));
        Assert.Null(SurveyImportFile.ReadXlsx(Encoding.UTF8.GetBytes("受付番号,役職\r\n")));
        Assert.Null(SurveyImportFile.ReadXlsx([0x50, 0x4B, 0x03, 0x04, 0x00]));
    }

    [Theory]
    [InlineData("２", 2)]
    [InlineData("2", 2)]
    [InlineData(" 理解できた ", 2)]
    [InlineData("ｱ", null)]
    [InlineData("9", null)]
    public void A_value_names_an_option_by_its_number_in_either_width_or_by_its_label(string value, int? number)
    {
        var question = SurveyTests.Seed001().QuestionNumbered(2);

        Assert.Equal(number, SurveyImport.OptionFor(question, value)?.Number);
    }

    [Fact]
    public void The_same_row_gives_the_same_hash_so_a_second_import_can_be_refused()
    {
        var survey = SurveyTests.Seed001();
        var table = SurveyImportFile.ReadCsv(Encoding.UTF8.GetBytes(Seed001Csv(survey)));
        var first = SurveyImport.Check(survey, table.Rows, Columns(survey));
        var again = SurveyImport.Check(survey, table.Rows.Select(r => (IReadOnlyList<string>)r.Select(c => c.Replace("２", "2", StringComparison.Ordinal)).ToList()).ToList(), Columns(survey));

        Assert.Equal(first.Rows.Select(r => r.Hash), again.Rows.Select(r => r.Hash));
    }
}
