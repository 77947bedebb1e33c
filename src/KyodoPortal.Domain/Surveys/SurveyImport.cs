using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Surveys;

/// <summary>
/// Rows of a file exported by another system (an e-application service) checked against a survey:
/// each mapped column's value is matched to an option by its number or its label (full-width
/// digits and letters read as half-width), then the row is checked like an online answer. The
/// result is a preview: every row's answers or its reasons, row by row, and a hash of each row so
/// the same row imported again can be refused.
/// </summary>
public static class SurveyImport
{
    private static readonly char[] MultipleSeparators = [',', '、', ';', '；', '/', '／'];

    /// <summary>
    /// Checks the data rows (header already removed; <paramref name="firstRowNumber"/> is the file's
    /// line of the first one) with <paramref name="columns"/>: question id → column index.
    /// </summary>
    public static SurveyImportPreview Check(Survey survey, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyDictionary<int, int> columns, int firstRowNumber = 2)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var checkedRows = new List<SurveyImportRow>();
        foreach (var (cells, index) in rows.Select((r, i) => (r, i)))
        {
            var number = firstRowNumber + index;
            var problems = new List<UserMessage>();
            var drafts = new List<AnswerDraft>();
            foreach (var question in survey.Questions.OrderBy(q => q.Number))
            {
                if (!columns.TryGetValue(question.Id, out var column))
                {
                    continue;
                }

                var value = column >= 0 && column < cells.Count ? cells[column].Trim() : string.Empty;
                if (value.Length == 0)
                {
                    continue;
                }

                if (!question.IsChoice)
                {
                    drafts.Add(new AnswerDraft(question.Id, [], Text: value));
                    continue;
                }

                var parts = question.Kind == QuestionKind.MultipleChoice
                    ? value.Split(MultipleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [value];
                var optionIds = new List<int>();
                foreach (var part in parts)
                {
                    if (OptionFor(question, part) is { } option)
                    {
                        optionIds.Add(option.Id);
                    }
                    else
                    {
                        problems.Add(new UserMessage("【問{0}】の「{1}」に合う選択肢がありません（選択肢の番号か文言を指定してください）。", question.Number, part));
                    }
                }

                drafts.Add(new AnswerDraft(question.Id, optionIds));
            }

            if (problems.Count == 0)
            {
                try
                {
                    SurveyResponse.Record(survey, drafts, SurveyMethod.Imported);
                }
                catch (DomainRuleException refused)
                {
                    problems.AddRange(refused.Reasons);
                }
            }

            checkedRows.Add(new SurveyImportRow(number, drafts, [.. problems.Select(p => new UserMessage("{0}行目：{1}", number, p))], RowHash(survey, cells)));
        }

        return new SurveyImportPreview(checkedRows);
    }

    /// <summary>The option a typed value names: its number (１ or 1) or its label, compared after NFKC normalization.</summary>
    public static SurveyOption? OptionFor(SurveyQuestion question, string value)
    {
        ArgumentNullException.ThrowIfNull(question);
        var normalized = Normalize(value);
        if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return question.Options.FirstOrDefault(o => o.Number == number);
        }

        return question.Options.FirstOrDefault(o => string.Equals(Normalize(o.Label), normalized, StringComparison.Ordinal));
    }

    private static string Normalize(string? value) => (value ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>
    /// A hash of the whole row, every cell normalized (so ２ and 2 are the same): unmapped columns such
    /// as a receipt number keep two people with the same answers apart, and the same row exported
    /// again hashes the same.
    /// </summary>
    private static string RowHash(Survey survey, IReadOnlyList<string> cells)
    {
        var text = new StringBuilder().Append(survey.Id.ToString(CultureInfo.InvariantCulture));
        foreach (var cell in cells)
        {
            text.Append('\u001F').Append(Normalize(cell));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>One checked row: its line in the file, the answers read from it, its reasons (none when valid) and its hash.</summary>
public sealed record SurveyImportRow(int Number, IReadOnlyList<AnswerDraft> Answers, IReadOnlyList<UserMessage> Problems, string Hash)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>The rows of a file checked against a survey; it may be saved only when every row is valid.</summary>
public sealed record SurveyImportPreview(IReadOnlyList<SurveyImportRow> Rows)
{
    public bool IsValid => Rows.Count > 0 && Rows.All(r => r.IsValid);

    public IReadOnlyList<UserMessage> Problems => [.. Rows.SelectMany(r => r.Problems)];
}
