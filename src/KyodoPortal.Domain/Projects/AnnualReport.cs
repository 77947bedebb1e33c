using System.Globalization;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// 事業報告: what a project did in one fiscal year — the text sections, KPI actuals against the
/// plan's targets, budget actuals against the plan — and the department's comment. The group
/// edits it as a draft (or after it was returned) and submits it; the department or the
/// coordinator returns or accepts it (<see cref="AnnualReportWorkflow"/>). An accepted report
/// never changes: a correction is a new revision (<see cref="StartCorrection"/>) with the reason.
/// </summary>
public sealed class AnnualReport : IVersioned
{
    public const int SectionMaxLength = 4000;
    public const int DepartmentCommentMaxLength = 4000;
    public const int CorrectionReasonMaxLength = 2000;

    private readonly List<KpiActual> _kpiActuals = [];
    private readonly List<BudgetActual> _budgetActuals = [];
    private readonly List<AnnualReportStatusChange> _history = [];
    private readonly List<ProposalAttachment> _attachments = [];

    // For EF Core materialization.
    private AnnualReport()
    {
        CreatedByUserId = string.Empty;
    }

    private AnnualReport(int projectId, int fiscalYear, int revision, string userId, DateTime nowUtc)
    {
        ProjectId = projectId;
        FiscalYear = fiscalYear;
        Revision = revision;
        Status = AnnualReportStatus.Draft;
        CreatedByUserId = userId;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    /// <summary>Start year of the fiscal year reported on.</summary>
    public int FiscalYear { get; private set; }

    /// <summary>1 for the first report of the year, 2, 3, … for corrections of an accepted one.</summary>
    public int Revision { get; private set; }

    /// <summary>The accepted report this revision corrects; null for revision 1.</summary>
    public int? CorrectionOfReportId { get; private set; }

    /// <summary>Why the accepted report is corrected; set exactly for revisions after the first.</summary>
    public string? CorrectionReason { get; private set; }

    public AnnualReportStatus Status { get; private set; }

    /// <summary>実施内容の概要.</summary>
    public string? Summary { get; private set; }

    /// <summary>定性的な成果・事例.</summary>
    public string? Outcomes { get; private set; }

    /// <summary>課題・反省点.</summary>
    public string? Problems { get; private set; }

    /// <summary>次年度の計画.</summary>
    public string? NextYearPlan { get; private set; }

    /// <summary>広報の実施状況.</summary>
    public string? PublicRelations { get; private set; }

    /// <summary>担当課のコメント.</summary>
    public string? DepartmentComment { get; private set; }

    public DepartmentRating? DepartmentRating { get; private set; }

    public string? DepartmentCommentByUserId { get; private set; }

    public DateTime? DepartmentCommentedAtUtc { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The first submission (later resubmissions are in <see cref="History"/>).</summary>
    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? AcceptedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<KpiActual> KpiActuals => _kpiActuals;

    public IReadOnlyList<BudgetActual> BudgetActuals => _budgetActuals;

    /// <summary>
    /// 添付資料 (photos, flyers, receipts, …): the same file record as a proposal's. A correction
    /// starts with the accepted revision's files (the same stored bytes), so a file is only
    /// deleted from the store when no revision refers to it any more.
    /// </summary>
    public IReadOnlyList<ProposalAttachment> Attachments => _attachments;

    /// <summary>Every status change, oldest first.</summary>
    public IReadOnlyList<AnnualReportStatusChange> History => _history;

    /// <summary>The group can change the content only before submitting or after it was returned.</summary>
    public bool IsEditable => Status is AnnualReportStatus.Draft or AnnualReportStatus.Returned;

    /// <summary>The department comments on a report it has received, until it is accepted.</summary>
    public bool IsOpenForDepartmentComment => Status is AnnualReportStatus.Submitted or AnnualReportStatus.Resubmitted or AnnualReportStatus.Returned;

    /// <summary>
    /// Starts the first report of <paramref name="fiscalYear"/> for <paramref name="project"/>,
    /// which must be 実施中; the year must be in its term and must have begun. The data layer
    /// keeps (ProjectId, FiscalYear, Revision) unique.
    /// </summary>
    public static AnnualReport Start(Project project, int fiscalYear, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        _ = new FiscalYear(fiscalYear);
        project.EnsureReportable(new UserMessage("事業報告を作成"));
        if (!project.CoversFiscalYear(fiscalYear))
        {
            throw new DomainRuleException("{0}は事業期間（{1}）外のため、報告を作成できません。{2}", new FiscalYear(fiscalYear), project.TermLabel(), project.AfterTermHint(fiscalYear));
        }

        if (fiscalYear > Common.FiscalYear.Of(UtcTime.JapanDate(now)).StartYear)
        {
            throw new DomainRuleException("{0}はまだ始まっていないため、報告を作成できません。", new FiscalYear(fiscalYear));
        }

        return new AnnualReport(project.Id, fiscalYear, revision: 1, user, now);
    }

    /// <summary>Whether the status table lets <paramref name="actor"/> move this report to <paramref name="target"/>.</summary>
    public bool CanMoveTo(AnnualReportStatus target, ReportActor actor) =>
        AnnualReportWorkflow.IsAllowed(Status, target, actor);

    /// <summary>Whether <paramref name="actor"/> may edit the sections and actuals now (the group, while a draft or returned).</summary>
    public bool CanEdit(ReportActor actor) => actor == ReportActor.Group && IsEditable;

    /// <summary>Whether <paramref name="actor"/> may write the department comment now.</summary>
    public bool CanComment(ReportActor actor) => actor == ReportActor.Department && IsOpenForDepartmentComment;

    public AnnualReportSections ToSections() => new(Summary, Outcomes, Problems, NextYearPlan, PublicRelations);

    public void UpdateSections(ReportActor actor, AnnualReportSections sections, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var now = EnsureEditableBy(actor, nowUtc);
        var summary = Section(sections.Summary, nameof(sections.Summary));
        var outcomes = Section(sections.Outcomes, nameof(sections.Outcomes));
        var problems = Section(sections.Problems, nameof(sections.Problems));
        var nextYearPlan = Section(sections.NextYearPlan, nameof(sections.NextYearPlan));
        var publicRelations = Section(sections.PublicRelations, nameof(sections.PublicRelations));
        Summary = summary;
        Outcomes = outcomes;
        Problems = problems;
        NextYearPlan = nextYearPlan;
        PublicRelations = publicRelations;
        UpdatedAtUtc = now;
    }

    /// <summary>Replaces the KPI actuals; a row with nothing but the KPI's name is dropped.</summary>
    public void ReplaceKpiActuals(ReportActor actor, IEnumerable<KpiActualDraft> actuals, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actuals);
        var now = EnsureEditableBy(actor, nowUtc);
        var rows = actuals.Select((draft, index) => new KpiActual(draft, index + 1)).Where(row => !row.IsEmpty).ToList();
        var duplicate = rows.GroupBy(row => row.KpiName, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("成果指標「{0}」の実績が重複しています。", duplicate.Key);
        }

        _kpiActuals.Clear();
        _kpiActuals.AddRange(rows);
        UpdatedAtUtc = now;
    }

    public void ReplaceBudgetActuals(ReportActor actor, IEnumerable<BudgetActualDraft> actuals, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actuals);
        var now = EnsureEditableBy(actor, nowUtc);
        var rows = actuals.Select((draft, index) => new BudgetActual(draft, index + 1)).ToList();
        var duplicate = rows.GroupBy(row => (row.Category, row.Item)).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("予算実績「{0}」が重複しています。", duplicate.First().LabelMessage);
        }

        _budgetActuals.Clear();
        _budgetActuals.AddRange(rows);
        UpdatedAtUtc = now;
    }

    /// <summary>The department's comment and rating, while the report is with the city (submitted, resubmitted or returned).</summary>
    public void UpdateDepartmentComment(ReportActor actor, string? comment, DepartmentRating? rating, string userId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        if (rating is { } value && !Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "Unknown rating.");
        }

        EnsureNotAccepted();
        if (actor != ReportActor.Department)
        {
            throw new DomainRuleException("担当課のコメントを入力できるのは担当課だけです。");
        }

        if (!IsOpenForDepartmentComment)
        {
            throw new DomainRuleException("「{0}」の報告にはコメントできません。提出後に入力してください。", Status);
        }

        DepartmentComment = Text.Optional(comment, DepartmentCommentMaxLength, nameof(comment));
        DepartmentRating = rating;
        DepartmentCommentByUserId = user;
        DepartmentCommentedAtUtc = now;
        UpdatedAtUtc = now;
    }

    /// <summary>
    /// Every reason this report cannot be submitted against <paramref name="currentPlan"/>; empty
    /// when complete: the summary is written, every KPI with a target this year has an actual
    /// (or a comment saying why not), every planned budget heading of the year has an actual (0円 is one).
    /// </summary>
    public IReadOnlyList<ReportProblem> SubmissionProblems(PlanContent currentPlan)
    {
        ArgumentNullException.ThrowIfNull(currentPlan);
        var problems = new List<ReportProblem>();
        var year = new FiscalYear(FiscalYear);
        if (Summary is null)
        {
            problems.Add(new ReportProblem(ReportProblemCode.SummaryMissing, "実施内容の概要が入力されていません。"));
        }

        foreach (var kpi in currentPlan.Kpis)
        {
            var target = currentPlan.TargetFor(kpi.Name, FiscalYear);
            var actual = _kpiActuals.FirstOrDefault(row => string.Equals(row.KpiName, kpi.Name, StringComparison.Ordinal));
            if (target?.TargetValue is { } targetValue && kpi.Kind == KpiKind.Quantitative)
            {
                if (actual?.ActualValue is null && actual?.Comment is null)
                {
                    var goal = targetValue.ToString("#,0", CultureInfo.InvariantCulture) + kpi.Unit;
                    problems.Add(new ReportProblem(
                        ReportProblemCode.KpiActualMissing,
                        new UserMessage("成果指標「{0}」の{1}の実績値が入力されていません（目標 {2}）。実績値を入力するか、入力できない理由をコメントに書いてください。", kpi.Name, year, goal)));
                }
            }
            else if (target is not null && actual is null)
            {
                problems.Add(new ReportProblem(ReportProblemCode.KpiActualMissing, new UserMessage("成果指標「{0}」の{1}の実績が入力されていません。", kpi.Name, year)));
            }
        }

        foreach (var heading in currentPlan.BudgetLinesOf(FiscalYear).GroupBy(line => (line.Category, line.Item)))
        {
            if (!_budgetActuals.Any(actual => BudgetExecution.Matches(actual, heading.Key.Category, heading.Key.Item)))
            {
                problems.Add(new ReportProblem(
                    ReportProblemCode.BudgetActualMissing,
                    new UserMessage("予算「{0}」の実績額が入力されていません（計画 {1}）。", BudgetExecution.LabelMessage(heading.Key.Category, heading.Key.Item), new Yen(heading.Sum(line => line.Amount)))));
            }
        }

        return problems;
    }

    /// <summary>下書き → 提出済み, by the group, only when complete against <paramref name="currentPlan"/>.</summary>
    public void Submit(PlanContent currentPlan, string userId, DateTime nowUtc)
    {
        var transition = EnsureAllowed(AnnualReportStatus.Submitted, ReportActor.Group);
        EnsureComplete(currentPlan);
        var now = Record(transition, userId, comment: null, nowUtc);
        SubmittedAtUtc ??= now;
    }

    /// <summary>差戻し → 再提出, by the group, only when complete against <paramref name="currentPlan"/>.</summary>
    public void Resubmit(PlanContent currentPlan, string userId, string? comment, DateTime nowUtc)
    {
        var transition = EnsureAllowed(AnnualReportStatus.Resubmitted, ReportActor.Group);
        EnsureComplete(currentPlan);
        Record(transition, userId, comment, nowUtc);
    }

    /// <summary>提出済み / 再提出 → 差戻し, by the department or the coordinator, with what to correct.</summary>
    public void Return(ReportActor actor, string userId, string comment, DateTime nowUtc) =>
        Record(EnsureAllowed(AnnualReportStatus.Returned, actor), userId, comment, nowUtc);

    /// <summary>提出済み / 再提出 → 受理, by the department or the coordinator. Final.</summary>
    public void Accept(ReportActor actor, string userId, string? comment, DateTime nowUtc)
    {
        var now = Record(EnsureAllowed(AnnualReportStatus.Accepted, actor), userId, comment, nowUtc);
        AcceptedAtUtc = now;
    }

    /// <summary>
    /// Starts the next revision of this accepted report to correct it: a draft with the same
    /// content and the reason. This report stays as accepted.
    /// </summary>
    public AnnualReport StartCorrection(string reason, string userId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        if (Status != AnnualReportStatus.Accepted)
        {
            throw new DomainRuleException("「{0}」の報告は訂正版を作成せずに編集してください。訂正版は受理された報告にだけ作成できます。", Status);
        }

        var correction = new AnnualReport(ProjectId, FiscalYear, Revision + 1, user, now)
        {
            CorrectionOfReportId = Id,
            CorrectionReason = Text.Optional(reason, CorrectionReasonMaxLength, nameof(reason))
                ?? throw new DomainRuleException("訂正の理由を入力してください。"),
            Summary = Summary,
            Outcomes = Outcomes,
            Problems = Problems,
            NextYearPlan = NextYearPlan,
            PublicRelations = PublicRelations,
        };
        correction._kpiActuals.AddRange(_kpiActuals.OrderBy(row => row.SortOrder).Select((row, index) => new KpiActual(row.ToDraft(), index + 1)));
        correction._budgetActuals.AddRange(_budgetActuals.OrderBy(row => row.SortOrder).Select((row, index) => new BudgetActual(row.ToDraft(), index + 1)));
        correction._attachments.AddRange(_attachments.Select(file => new ProposalAttachment(file.FileName, file.ContentType, file.SizeBytes, file.StorageKey, file.UploadedByUserId, file.UploadedAtUtc)));
        return correction;
    }

    /// <summary>The group attaches a file while it may edit the report.</summary>
    public ProposalAttachment AddAttachment(ReportActor actor, string fileName, string contentType, long sizeBytes, string storageKey, string uploadedByUserId, DateTime nowUtc)
    {
        var now = EnsureEditableBy(actor, nowUtc);
        var attachment = new ProposalAttachment(fileName, contentType, sizeBytes, storageKey, uploadedByUserId, now);
        if (_attachments.Any(existing => existing.StorageKey == attachment.StorageKey))
        {
            throw new ArgumentException("An attachment with this storage key already exists.", nameof(storageKey));
        }

        _attachments.Add(attachment);
        UpdatedAtUtc = now;
        return attachment;
    }

    /// <summary>Removes the attachment and returns it; the caller deletes the stored file if nothing else refers to it.</summary>
    public ProposalAttachment RemoveAttachment(ReportActor actor, int attachmentId, DateTime nowUtc)
    {
        var now = EnsureEditableBy(actor, nowUtc);
        var attachment = _attachments.FirstOrDefault(existing => existing.Id == attachmentId)
            ?? throw new DomainRuleException("指定された添付ファイルが見つかりません。");
        _attachments.Remove(attachment);
        UpdatedAtUtc = now;
        return attachment;
    }

    private static string? Section(string? value, string paramName) => Text.Optional(value, SectionMaxLength, paramName);

    private DateTime EnsureEditableBy(ReportActor actor, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        EnsureNotAccepted();
        if (actor != ReportActor.Group)
        {
            throw new DomainRuleException("報告の内容を編集できるのは団体だけです。");
        }

        return IsEditable
            ? now
            : throw new DomainRuleException("「{0}」の報告は編集できません。", Status);
    }

    private void EnsureNotAccepted()
    {
        if (Status == AnnualReportStatus.Accepted)
        {
            throw new DomainRuleException("受理された報告は変更できません。訂正は新しい版として作成してください。");
        }
    }

    private void EnsureComplete(PlanContent currentPlan)
    {
        var problems = SubmissionProblems(currentPlan);
        if (problems.Count > 0)
        {
            throw new DomainRuleException([.. problems.Select(problem => problem.Message)]);
        }
    }

    private AnnualReportTransition EnsureAllowed(AnnualReportStatus target, ReportActor actor) =>
        AnnualReportWorkflow.Find(Status, target, actor)
            ?? throw new DomainRuleException(AnnualReportWorkflow.NotAllowedMessage(Status, target, actor));

    private DateTime Record(AnnualReportTransition transition, string userId, string? comment, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        var text = Text.Optional(comment, AnnualReportStatusChange.CommentMaxLength, nameof(comment));
        if (transition.CommentRequired && text is null)
        {
            throw new DomainRuleException("差戻しの理由を入力してください。");
        }

        _history.Add(new AnnualReportStatusChange(transition.From, transition.To, transition.Actor, user, now, text));
        Status = transition.To;
        UpdatedAtUtc = now;
        return now;
    }
}
