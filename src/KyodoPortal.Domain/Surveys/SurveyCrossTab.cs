using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Surveys;

/// <summary>A cell of a cross-tab; <see cref="Count"/> and <see cref="Share"/> are null when suppressed.</summary>
public sealed record CrossTabCell(int? Count, Percentage? Share)
{
    public bool IsSuppressed => Count is null;
}

public sealed record CrossTabRow(string Label, int Total, IReadOnlyList<CrossTabCell> Cells);

/// <summary>
/// One single-answer question (rows, e.g. 役職) by another (columns, e.g. 問２), with row
/// percentages. In an anonymous survey a cell under <see cref="MinimumCell"/> is suppressed
/// (shown as 「–」), so nobody is identified by a rare combination.
/// </summary>
public sealed record SurveyCrossTab(int RowQuestionNumber, int ColumnQuestionNumber, IReadOnlyList<string> ColumnLabels, IReadOnlyList<CrossTabRow> Rows, bool IsSuppressing)
{
    public const int MinimumCell = 3;

    /// <summary>Whether two questions can be crossed here: different questions, each with exactly one answer per respondent.</summary>
    public static bool CanCross(SurveyQuestion rows, SurveyQuestion columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        return rows.Id != columns.Id && IsSingleAnswer(rows) && IsSingleAnswer(columns);
    }

    public static bool IsSingleAnswer(SurveyQuestion question) =>
        question?.Kind is QuestionKind.SingleChoice or QuestionKind.Rating;

    /// <param name="counts">Respondents per (row option id, column option id), as the database grouped them.</param>
    public static SurveyCrossTab Compute(Survey survey, SurveyQuestion rows, SurveyQuestion columns, IReadOnlyDictionary<(int Row, int Column), int> counts)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(counts);
        if (!CanCross(rows, columns))
        {
            throw new DomainRuleException("クロス集計には、単一選択または評価尺度の異なる2つの設問を選んでください。");
        }

        var columnOptions = columns.Options.OrderBy(o => o.Number).ToList();
        var tableRows = rows.Options.OrderBy(o => o.Number).Select(row =>
        {
            var values = columnOptions.Select(column => counts.GetValueOrDefault((row.Id, column.Id))).ToList();
            var total = values.Sum();
            var cells = values.Select(count => survey.IsAnonymous && count < MinimumCell
                ? new CrossTabCell(null, null)
                : new CrossTabCell(count, Percentage.OfOrNull(count, total))).ToList();
            return new CrossTabRow(row.Label, total, cells);
        }).ToList();
        return new SurveyCrossTab(rows.Number, columns.Number, [.. columnOptions.Select(o => o.Label)], tableRows, survey.IsAnonymous);
    }
}
