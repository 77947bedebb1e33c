using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// What the import's mapping form posts (or a GET of it carries): the column chosen for each
/// question (question id → zero-based column, -1 = none) and the option chosen for each value that
/// names none. <see cref="Mapped"/> is false on the first visit: the columns are then guessed.
/// </summary>
public sealed class SurveyImportMappingInput
{
    public bool Mapped { get; set; }

    public Dictionary<int, int> Columns { get; set; } = [];

    /// <summary>The column of a question's free-text reason (question id → column, -1 = none).</summary>
    public Dictionary<int, int> ReasonColumns { get; set; } = [];

    /// <summary>The column of a question's 「その他」 text (question id → column, -1 = none).</summary>
    public Dictionary<int, int> OtherColumns { get; set; } = [];

    public List<SurveyImportValueInput> Values { get; set; } = [];
}

/// <summary>A value of a choice column and the option the coordinator chose for it (null: none yet).</summary>
public sealed class SurveyImportValueInput
{
    public int QuestionId { get; set; }

    public string Value { get; set; } = string.Empty;

    public int? OptionId { get; set; }
}

/// <summary>
/// A file's columns and values mapped to a survey's questions and options (and the columns of the
/// reasons and 「その他」 texts of the questions that have them), with what is still wrong with the mapping.
/// </summary>
public sealed record SurveyImportMapping(
    IReadOnlyDictionary<int, int> Columns,
    IReadOnlyDictionary<(int QuestionId, string Value), int> Values,
    IReadOnlyDictionary<int, IReadOnlyList<string>> Unmatched,
    IReadOnlyList<UserMessage> Problems,
    IReadOnlyDictionary<int, int> ReasonColumns,
    IReadOnlyDictionary<int, int> OtherColumns)
{
    public int? OptionChosenFor(int questionId, string value) => Values.TryGetValue((questionId, value), out var option) ? option : null;
}

/// <summary>
/// The import's steps that are not the domain's: reading an upload, guessing columns from the
/// header (the question's text or 問N), and checking a mapping before any row is checked.
/// </summary>
public static partial class SurveyImportForms
{
    /// <summary>The largest file read (the attachments' limit); a larger request is refused before it is read.</summary>
    public const long MaxFileBytes = Infrastructure.Files.AttachmentPolicy.DefaultMaxBytes;

    public const string NoFile = "取り込むファイルを選択してください。";
    public const string NotASpreadsheet = "このファイルは Excel のブック（.xlsx）として読み取れません。CSV か .xlsx のファイルを選択してください。";
    public const string UnknownType = "取り込めるのは CSV（.csv）か Excel のブック（.xlsx）です。";
    public const string NoRows = "ファイルに表がありません。1行目に見出し、2行目から回答を並べたファイルを選択してください。";
    public const string HeaderOnly = "ファイルに見出しの行しかありません。2行目から回答を並べてください。";

    /// <summary>The table of an uploaded file, or the reason it cannot be used.</summary>
    public static (SurveyImportTable? Table, ImportFileFormat Format, string? Refusal) Read(string fileName, byte[] bytes, ImportEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var extension = Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant();
        var isZip = bytes.Length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;
        if (bytes.Length == 0)
        {
            return (null, ImportFileFormat.Csv, Infrastructure.Files.AttachmentMessages.Empty);
        }

        if (extension is ".XLSX" or ".XLSM" || isZip)
        {
            var sheet = SurveyImportFile.ReadXlsx(bytes);
            return sheet is null ? (null, ImportFileFormat.Xlsx, NotASpreadsheet) : Checked(sheet, ImportFileFormat.Xlsx);
        }

        if (extension is not (".CSV" or ".TXT" or ""))
        {
            return (null, ImportFileFormat.Csv, UnknownType);
        }

        return Checked(SurveyImportFile.ReadCsv(bytes, encoding), ImportFileFormat.Csv);

        static (SurveyImportTable?, ImportFileFormat, string?) Checked(SurveyImportTable table, ImportFileFormat format) =>
            table.Header.Count == 0 ? (null, format, NoRows) : table.Rows.Count == 0 ? (null, format, HeaderOnly) : (table, format, null);
    }

    /// <summary>The mapping the form carries, or on the first visit the columns whose header names a question.</summary>
    public static SurveyImportMapping Map(Survey survey, SurveyImportTable table, SurveyImportMappingInput input)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(input);
        var questions = survey.Questions.OrderBy(q => q.Number).ToList();
        var columns = input.Mapped
            ? questions.ToDictionary(q => q.Id, q => input.Columns.GetValueOrDefault(q.Id, -1))
            : questions.ToDictionary(q => q.Id, q => Guess(q, table.Header));
        var reasonColumns = questions.Where(q => q.AsksReason)
            .ToDictionary(q => q.Id, q => input.Mapped ? input.ReasonColumns.GetValueOrDefault(q.Id, -1) : GuessExtra(q, table.Header, ReasonWord));
        var otherColumns = questions.Where(q => q.Options.Any(o => o.IsOther))
            .ToDictionary(q => q.Id, q => input.Mapped ? input.OtherColumns.GetValueOrDefault(q.Id, -1) : GuessExtra(q, table.Header, OtherWord));
        var problems = new List<UserMessage>();
        foreach (var (extras, message) in new[] { (reasonColumns, "【問{0}】の理由に選ばれた列はこのファイルにありません。"), (otherColumns, "【問{0}】の「その他」の記述に選ばれた列はこのファイルにありません。") })
        {
            foreach (var question in questions.Where(q => extras.TryGetValue(q.Id, out var c) && (c >= table.Header.Count || c < -1)))
            {
                problems.Add(new UserMessage(message, question.Number));
                extras[question.Id] = -1;
            }
        }

        foreach (var question in questions)
        {
            var column = columns[question.Id];
            if (column >= table.Header.Count || column < -1)
            {
                problems.Add(new UserMessage("【問{0}】に選ばれた列はこのファイルにありません。", question.Number));
                columns[question.Id] = -1;
            }
            else if (column == -1 && question.IsRequired)
            {
                problems.Add(new UserMessage("【問{0}】に対応する列がありません。必須の設問なので、列を選択してください。", question.Number));
            }
        }

        foreach (var shared in columns.Values.Concat(reasonColumns.Values).Concat(otherColumns.Values).Where(c => c >= 0).GroupBy(c => c).Where(g => g.Count() > 1))
        {
            problems.Add(new UserMessage("同じ列「{0}」が複数の設問に選ばれています。", table.Header[shared.Key]));
        }

        var values = input.Values
            .Where(v => v.OptionId is not null && questions.Any(q => q.Id == v.QuestionId && q.Options.Any(o => o.Id == v.OptionId)))
            .GroupBy(v => (v.QuestionId, v.Value))
            .ToDictionary(g => g.Key, g => g.First().OptionId!.Value);
        return new SurveyImportMapping(columns, values, SurveyImport.UnmatchedValues(survey, table.Rows, columns), problems, reasonColumns, otherColumns);
    }

    private const string ReasonWord = "理由";
    private const string OtherWord = "その他";

    /// <summary>
    /// The first column whose header is the question's text or names its number (問2, 【問２】, 問2 役職),
    /// not counting the columns of its reason or その他 text (問2 理由, 問5 その他).
    /// </summary>
    private static int Guess(SurveyQuestion question, IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var cell = header[i].Normalize(NormalizationForm.FormKC).Trim();
            if (string.Equals(cell, question.Text.Normalize(NormalizationForm.FormKC).Trim(), StringComparison.Ordinal)
                || (NamesQuestion(cell, question) && !cell.Contains(ReasonWord, StringComparison.Ordinal) && !cell.Contains(OtherWord, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The first column whose header names the question's number and the word (問2 理由, 【問５】その他の内容).</summary>
    private static int GuessExtra(SurveyQuestion question, IReadOnlyList<string> header, string word)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var cell = header[i].Normalize(NormalizationForm.FormKC).Trim();
            if (NamesQuestion(cell, question) && cell.Contains(word, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool NamesQuestion(string cell, SurveyQuestion question) =>
        QuestionNumber().Match(cell) is { Success: true } match && int.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture) == question.Number;

    [GeneratedRegex(@"^[【\[(]?問\s*(\d{1,3})(?!\d)")]
    private static partial Regex QuestionNumber();
}
