using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Features.Minutes;
using KyodoPortal.Web.Features.ProjectYears;
using KyodoPortal.Web.Features.Screening;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;

namespace KyodoPortal.Web.Features.Evaluations;

/// <summary>Which project and year a round evaluates, for headings and links.</summary>
public sealed record RoundHeader(int RoundId, int ProjectId, string ProjectTitle, int FiscalYear, EvaluationRoundStatus Status)
{
    public FiscalYear Year => new(FiscalYear);
}

/// <summary>A criterion as the forms and tables show it.</summary>
public sealed record EvaluationCriterionView(int Id, EvaluationCategory Category, string Name, int Weight, int MaxPoints);

/// <summary>One line of a committee member's list of rounds.</summary>
public sealed record MyRoundRow(RoundHeader Round, bool Declared, bool Recused, ScoreSheetStatus? SheetStatus);

/// <summary>A member's rounds and the search and order that produced them.</summary>
public sealed record MyRoundListViewModel(PageOf<MyRoundRow> Page, ListQuery Query)
{
    public IReadOnlyList<MyRoundRow> Rounds => Page.Items;
}

/// <summary>The member's page of one round: declare first, then the sheet.</summary>
public sealed record MemberRoundViewModel(RoundHeader Round, ConflictDeclaration? Declaration, bool CanDeclare, ScoreSheetStatus? SheetStatus, DeclarationInput Input);

/// <summary>
/// What the project produced in the year, shown beside the committee sheet: the accepted annual
/// report, the year's figures (KPI targets against actuals, budget plan against actual with
/// deviations and the approved changes behind them, activities with attendance) from
/// <see cref="ProjectYearQueries"/>, and the approved change requests.
/// </summary>
public sealed record EvaluationMaterials(
    AnnualReport? AcceptedReport,
    ProjectYearViewModel Year,
    IReadOnlyList<ApprovedChangeLine> ApprovedChanges)
{
    /// <summary>
    /// The project's exchanges at the report meeting on the year (報告会の質疑応答), from approved or
    /// published minutes; empty when none are.
    /// </summary>
    public IReadOnlyList<ProjectMeetingQa> ReportMeetingQa { get; init; } = [];
}

/// <summary>An approved change request of the project (計画変更).</summary>
public sealed record ApprovedChangeLine(int Id, string Reason, DateTime? DecidedAtUtc);

/// <summary>A form for scoring the round's criteria: a committee sheet or a self-evaluation.</summary>
public sealed record ScoreFormModel(
    string Action,
    IReadOnlyList<EvaluationCriterionView> Criteria,
    SheetInput Input,
    ScoreSheetStatus? Status,
    bool CanEdit,
    string ClosedMessage)
{
    public CriterionScoreInput RowFor(int index, int criterionId) =>
        index < Input.Criteria.Count && Input.Criteria[index].CriterionId == criterionId
            ? Input.Criteria[index]
            : new CriterionScoreInput { CriterionId = criterionId };
}

/// <summary>The committee member's sheet with the materials beside it.</summary>
public sealed record EvaluationSheetViewModel(RoundHeader Round, ScoreFormModel Form, Score? OwnScore, EvaluationMaterials Materials);

/// <summary>A party's self-evaluation page; <see cref="Form"/> is null when no round is open for the year.</summary>
public sealed record SelfEvaluationViewModel(int ProjectId, string ProjectTitle, int FiscalYear, SelfEvaluationSide Side, RoundHeader? Round, ScoreFormModel? Form)
{
    public FiscalYear Year => new(FiscalYear);
}

/// <summary>
/// The published feedback (フィードバック): the consolidated evaluation and the committee's
/// aggregate with the self-evaluations beside it. <see cref="Round"/> and <see cref="Summary"/>
/// are null while nothing is published (the page then says so, without content).
/// </summary>
public sealed record FeedbackViewModel(
    int ProjectId,
    string ProjectTitle,
    int FiscalYear,
    EvaluationRound? Round,
    IReadOnlyList<EvaluationCriterionView> Criteria,
    EvaluationSummary? Summary,
    bool IsPublicPage)
{
    public FiscalYear Year => new(FiscalYear);
}

/// <summary>The aggregate table: the committee's means per category and criterion, and each side's self-evaluation beside them.</summary>
public sealed record SummaryTableModel(IReadOnlyList<EvaluationCriterionView> Criteria, EvaluationSummary Summary);
