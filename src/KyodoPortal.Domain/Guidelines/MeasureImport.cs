using System.Globalization;
using System.Text;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Guidelines;

/// <summary>
/// Measures read from a city's spreadsheet (columns: 分野, 項目, 施策名, 分類, 説明) and checked
/// against the guideline before anything is saved: each row gets its own reasons (an unknown area,
/// sub-area or classification, a missing title), and <see cref="ToMeasures"/> refuses unless every
/// row is valid. Areas are read as typed in the seed or a sheet: 「（１）」, 「(1)」, 「1」, 「１」;
/// sub-areas by letter (ｱ read as ア); classifications by <see cref="ClassificationCode"/>.
/// </summary>
public sealed class MeasureImport
{
    public const int MaxRows = 500;

    private MeasureImport(IReadOnlyList<MeasureImportRow> rows)
    {
        Rows = rows;
    }

    public IReadOnlyList<MeasureImportRow> Rows { get; }

    public bool IsValid => Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);

    /// <summary>Checks the rows (the sheet's row numbers start at 2, after the header).</summary>
    public static MeasureImport Check(Guideline guideline, IReadOnlyList<MeasureImportLine> lines)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count > MaxRows)
        {
            throw new DomainRuleException("一度に取り込める施策は{0}件までです。", MaxRows);
        }

        return new MeasureImport(lines.Select((line, index) => CheckRow(guideline, index + 2, line)).ToList());
    }

    /// <summary>The measures of every row, for <paramref name="period"/>; refused when a row has an error.</summary>
    public IReadOnlyList<GuidelineMeasure> ToMeasures(Guideline guideline, GuidelinePeriod period, IReadOnlyList<int> departmentIds)
    {
        ArgumentNullException.ThrowIfNull(period);
        period.EnsureOpen();
        if (Rows.Count == 0)
        {
            throw new DomainRuleException("取り込む施策がありません。");
        }

        if (!IsValid)
        {
            throw new DomainRuleException("エラーのある行があるため、取り込めません。エラーを直したファイルをもう一度選んでください。");
        }

        return Rows.Select(r => new GuidelineMeasure(guideline, period, new MeasureDraft(
            r.Title, r.Description, r.Area, r.SubArea, r.Classification, r.Classification!.IsPriority, departmentIds))).ToList();
    }

    /// <summary>The area number in 「（１）」, 「(1)」, 「1」 or 「１」, or null.</summary>
    public static int? AreaNumber(string? typed)
    {
        var text = typed?.Normalize(NormalizationForm.FormKC).Trim().Trim('(', ')').Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static MeasureImportRow CheckRow(Guideline guideline, int number, MeasureImportLine line)
    {
        var errors = new List<UserMessage>();
        var areaNumber = AreaNumber(line.Area);
        var area = areaNumber is { } n ? guideline.Areas.FirstOrDefault(a => a.Number == n) : null;
        if (string.IsNullOrWhiteSpace(line.Area))
        {
            errors.Add(new UserMessage("分野がありません。"));
        }
        else if (area is null)
        {
            errors.Add(new UserMessage("分野「{0}」はこの指針にありません。", line.Area.Trim()));
        }

        var subArea = area?.FindSubArea(line.SubArea);
        if (area is not null && !string.IsNullOrWhiteSpace(line.SubArea) && subArea is null)
        {
            errors.Add(new UserMessage("項目「{0}」は（{1}）にありません。", line.SubArea.Trim(), area.Number));
        }

        var classification = guideline.FindClassification(line.Classification);
        if (string.IsNullOrWhiteSpace(line.Classification))
        {
            errors.Add(new UserMessage("分類がありません。"));
        }
        else if (classification is null)
        {
            errors.Add(new UserMessage("分類「{0}」はこの指針にありません。", line.Classification.Trim()));
        }

        var title = line.Title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            errors.Add(new UserMessage("施策名がありません。"));
        }
        else if (title.Length > GuidelineMeasure.TitleMaxLength)
        {
            errors.Add(new UserMessage("施策名は{0}文字以内にしてください。", GuidelineMeasure.TitleMaxLength));
        }

        var description = line.Description?.Trim();
        if (description is { Length: > GuidelineMeasure.DescriptionMaxLength })
        {
            errors.Add(new UserMessage("説明は{0}文字以内にしてください。", GuidelineMeasure.DescriptionMaxLength));
        }

        return new MeasureImportRow(number, line, area, subArea, classification, title, string.IsNullOrEmpty(description) ? null : description, errors);
    }
}

/// <summary>One row as read from the file.</summary>
public sealed record MeasureImportLine(string? Area, string? SubArea, string? Title, string? Classification, string? Description);

/// <summary>A row checked: what it names in the guideline, and its reasons when it cannot be imported.</summary>
public sealed record MeasureImportRow(
    int Number,
    MeasureImportLine Line,
    GuidelineArea? Area,
    GuidelineSubArea? SubArea,
    GuidelineClassification? Classification,
    string Title,
    string? Description,
    IReadOnlyList<UserMessage> Errors);
