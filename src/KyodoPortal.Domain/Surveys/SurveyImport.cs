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
    /// line of the first one) with <paramref name="columns"/>: question id → column index, and
    /// <paramref name="values"/>: the options the coordinator chose for values that name none
    /// (question id and the value as written → option id). <paramref name="reasonColumns"/> and
    /// <paramref name="otherColumns"/> (question id → column) hold a choice question's free-text
    /// reason and its 「その他」 text; the domain keeps them as an online answer would (a reason only
    /// where the question asks one, the その他 text only when その他 was chosen).
    /// </summary>
    public static SurveyImportPreview Check(
        Survey survey,
        IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyDictionary<int, int> columns,
        int firstRowNumber = 2,
        IReadOnlyDictionary<(int QuestionId, string Value), int>? values = null,
        IReadOnlyDictionary<int, int>? reasonColumns = null,
        IReadOnlyDictionary<int, int>? otherColumns = null)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var chosen = (values ?? new Dictionary<(int, string), int>()).ToDictionary(v => (v.Key.QuestionId, Normalize(v.Key.Value)), v => v.Value);
        var checkedRows = new List<SurveyImportRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (cells, index) in rows.Select((r, i) => (r, i)))
        {
            var number = firstRowNumber + index;
            var problems = new List<SurveyImportProblem>();
            var drafts = new List<AnswerDraft>();
            foreach (var question in survey.Questions.OrderBy(q => q.Number))
            {
                if (!columns.TryGetValue(question.Id, out var column) || column < 0)
                {
                    continue;
                }

                var value = column < cells.Count ? cells[column].Trim() : string.Empty;
                if (value.Length == 0)
                {
                    if (question.IsRequired)
                    {
                        problems.Add(new SurveyImportProblem(column, value, new UserMessage("【問{0}】に回答してください。", question.Number)));
                    }

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
                    else if (chosen.TryGetValue((question.Id, Normalize(part)), out var optionId) && question.Options.Any(o => o.Id == optionId))
                    {
                        optionIds.Add(optionId);
                    }
                    else
                    {
                        problems.Add(new SurveyImportProblem(column, part, new UserMessage("【問{0}】の「{1}」に合う選択肢がありません（選択肢の番号か文言を指定してください）。", question.Number, part)));
                    }
                }

                drafts.Add(new AnswerDraft(question.Id, optionIds, OtherText: Cell(cells, otherColumns, question.Id), Reason: Cell(cells, reasonColumns, question.Id)));
            }

            if (problems.Count == 0)
            {
                try
                {
                    SurveyResponse.FromImport(survey, drafts);
                }
                catch (DomainRuleException refused)
                {
                    problems.AddRange(refused.Reasons.Select(r => new SurveyImportProblem(null, null, r)));
                }
            }

            // The same row twice in one file (two people who answered alike, with nothing else to tell
            // them apart) is two responses: the second one's hash carries its occurrence.
            var hash = RowHash(survey, cells);
            var occurrence = seen[hash] = seen.GetValueOrDefault(hash) + 1;
            checkedRows.Add(new SurveyImportRow(number, drafts, problems, occurrence == 1 ? hash : $"{hash}-{occurrence.ToString(CultureInfo.InvariantCulture)}"));
        }

        return new SurveyImportPreview(checkedRows);
    }

    /// <summary>
    /// The values of the mapped choice columns that name no option by number or label: what the
    /// coordinator is asked to map (question id → distinct values, in the file's order).
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> UnmatchedValues(Survey survey, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyDictionary<int, int> columns)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var unmatched = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var question in survey.Questions.Where(q => q.IsChoice).OrderBy(q => q.Number))
        {
            if (!columns.TryGetValue(question.Id, out var column) || column < 0)
            {
                continue;
            }

            var parts = rows.Select(r => column < r.Count ? r[column].Trim() : string.Empty)
                .SelectMany(v => question.Kind == QuestionKind.MultipleChoice
                    ? v.Split(MultipleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [v])
                .Where(v => v.Length > 0 && OptionFor(question, v) is null)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (parts.Count > 0)
            {
                unmatched[question.Id] = parts;
            }
        }

        return unmatched;
    }

    /// <summary>The trimmed text of the question's extra column (reason, その他) in this row; null when none is mapped or the cell is empty.</summary>
    private static string? Cell(IReadOnlyList<string> cells, IReadOnlyDictionary<int, int>? columns, int questionId) =>
        columns is not null && columns.TryGetValue(questionId, out var column) && column >= 0 && column < cells.Count && cells[column].Trim() is { Length: > 0 } text
            ? text
            : null;

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

/// <summary>Why a row cannot be imported: the column (zero-based; null when the reason is the whole row's) and the value in it.</summary>
public sealed record SurveyImportProblem(int? Column, string? Value, UserMessage Message);

/// <summary>
/// One checked row: its line in the file, the answers read from it, its reasons (none when valid)
/// and its hash (per survey, the whole row's normalized cells; a repeated row's carries its occurrence).
/// </summary>
public sealed record SurveyImportRow(int Number, IReadOnlyList<AnswerDraft> Answers, IReadOnlyList<SurveyImportProblem> Issues, string Hash)
{
    public const int HashMaxLength = 80;

    public bool IsValid => Issues.Count == 0;

    /// <summary>The reasons, each naming its row.</summary>
    public IReadOnlyList<UserMessage> Problems => [.. Issues.Select(i => new UserMessage("{0}行目：{1}", Number, i.Message))];
}

/// <summary>The rows of a file checked against a survey; it may be saved only when every row is valid.</summary>
public sealed record SurveyImportPreview(IReadOnlyList<SurveyImportRow> Rows)
{
    public bool IsValid => Rows.Count > 0 && Rows.All(r => r.IsValid);

    public IReadOnlyList<UserMessage> Problems => [.. Rows.SelectMany(r => r.Problems)];
}

/// <summary>
/// A row already imported into a survey, kept as its hash only (no response, no time, no
/// sequence), so the same row imported again is refused and nothing ties it to a response.
/// </summary>
public sealed class SurveyImportedRow
{
    public SurveyImportedRow(int surveyId, string hash)
    {
        ArgumentException.ThrowIfNullOrEmpty(hash);
        SurveyId = surveyId;
        Hash = hash.Length <= SurveyImportRow.HashMaxLength ? hash : throw new ArgumentException("The hash is too long.", nameof(hash));
    }

    public int SurveyId { get; private set; }

    public string Hash { get; private set; }
}
