using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>
/// 提案: a proposal for a collaboration project in answer to a <see cref="Call"/>. It is edited
/// section by section while a draft (or after being returned), then moves through the states of
/// <see cref="ProposalWorkflow"/>. A selected proposal stays as the project's baseline.
/// </summary>
public sealed class Proposal : IVersioned
{
    public const int TitleMaxLength = 150;
    public const int BackgroundMaxLength = 4000;
    public const int PurposeMaxLength = 4000;
    public const int BeneficiariesMaxLength = 1000;

    /// <summary>ASP.NET Core Identity's user id column length.</summary>
    public const int UserIdMaxLength = 450;

    private readonly List<ProposalActivity> _activities = [];
    private readonly List<ProposalScheduleItem> _scheduleItems = [];
    private readonly List<ProposalRoleSplit> _roleSplits = [];
    private readonly List<BudgetLine> _budgetLines = [];
    private readonly List<Kpi> _kpis = [];
    private readonly List<ProposalAttachment> _attachments = [];
    private readonly List<ProposalStatusChange> _history = [];

    // For EF Core materialization.
    private Proposal()
    {
        Title = string.Empty;
        CreatedByUserId = string.Empty;
    }

    /// <summary>Starts a draft for <paramref name="call"/>: one year from the call's fiscal year.</summary>
    public Proposal(Call call, string title, int? proposingGroupId, int? partnerDepartmentId, string createdByUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        CallId = call.Id;
        Title = string.Empty;
        CreatedByUserId = Text.Required(createdByUserId, UserIdMaxLength, nameof(createdByUserId));
        CreatedAtUtc = now;
        Status = ProposalStatus.Draft;
        ApplyOverview(title, null, null, null, call.FiscalYear, Call.MinTermYears, proposingGroupId, partnerDepartmentId);
        UpdatedAtUtc = now;
    }

    public int Id { get; private set; }

    public int CallId { get; private set; }

    /// <summary>The proposing citizen group; required for group and mutual proposals.</summary>
    public int? ProposingGroupId { get; private set; }

    /// <summary>The department; the proposer of a department proposal, a co-proposer of a mutual one, optional otherwise.</summary>
    public int? PartnerDepartmentId { get; private set; }

    public string Title { get; private set; }

    /// <summary>背景: the local issue the project answers.</summary>
    public string? Background { get; private set; }

    /// <summary>目的.</summary>
    public string? Purpose { get; private set; }

    /// <summary>受益者: who benefits.</summary>
    public string? Beneficiaries { get; private set; }

    /// <summary>Start year of the project's first fiscal year; must be the call's fiscal year to submit.</summary>
    public int StartFiscalYear { get; private set; }

    /// <summary>Number of fiscal years the project runs (1–5, at most the call's maximum to submit).</summary>
    public int TermYears { get; private set; }

    public ProposalStatus Status { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ProposalActivity> Activities => _activities;

    public IReadOnlyList<ProposalScheduleItem> ScheduleItems => _scheduleItems;

    public IReadOnlyList<ProposalRoleSplit> RoleSplits => _roleSplits;

    public IReadOnlyList<BudgetLine> BudgetLines => _budgetLines;

    public IReadOnlyList<Kpi> Kpis => _kpis;

    public IReadOnlyList<ProposalAttachment> Attachments => _attachments;

    /// <summary>Every status change, oldest first.</summary>
    public IReadOnlyList<ProposalStatusChange> History => _history;

    /// <summary>The proposer can change the content only before submitting or after it was returned.</summary>
    public bool IsEditable => Status is ProposalStatus.Draft or ProposalStatus.Returned;

    /// <summary>The city's share over the whole budget (市負担金 lines of every year).</summary>
    public long CityShareTotal => _budgetLines.Where(line => line.Category == BudgetCategory.CityShare).Sum(line => line.Amount);

    /// <summary>The start years of every fiscal year of the term, in order.</summary>
    public IReadOnlyList<int> TermFiscalYears() => [.. Enumerable.Range(StartFiscalYear, TermYears)];

    /// <summary>Totals for every fiscal year of the term; a year without lines shows zeros.</summary>
    public IReadOnlyList<BudgetYear> BudgetByYear() =>
    [
        .. TermFiscalYears().Select(year =>
        {
            var lines = _budgetLines.Where(line => line.FiscalYear == year).ToList();
            return new BudgetYear(
                new FiscalYear(year),
                lines.Where(line => line.Direction == BudgetDirection.Expense).Sum(line => line.Amount),
                lines.Where(line => line.Direction == BudgetDirection.Income).Sum(line => line.Amount),
                lines.Where(line => line.Category == BudgetCategory.CityShare).Sum(line => line.Amount));
        }),
    ];

    /// <summary>Whether the status table lets <paramref name="actor"/> move this proposal to <paramref name="target"/>.</summary>
    public bool CanMoveTo(ProposalStatus target, ProposalActor actor) =>
        ProposalWorkflow.IsAllowed(Status, target, actor);

    public void UpdateOverview(
        string title,
        string? background,
        string? purpose,
        string? beneficiaries,
        int startFiscalYear,
        int termYears,
        int? proposingGroupId,
        int? partnerDepartmentId,
        DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        ApplyOverview(title, background, purpose, beneficiaries, startFiscalYear, termYears, proposingGroupId, partnerDepartmentId);
        UpdatedAtUtc = now;
    }

    public void ReplaceActivities(IEnumerable<ActivityDraft> activities, DateTime nowUtc) =>
        Replace(_activities, activities, (draft, order) => new ProposalActivity(draft, order), nowUtc);

    public void ReplaceSchedule(IEnumerable<ScheduleItemDraft> items, DateTime nowUtc) =>
        Replace(_scheduleItems, items, (draft, order) => new ProposalScheduleItem(draft, order), nowUtc);

    public void ReplaceRoleSplits(IEnumerable<RoleSplitDraft> roleSplits, DateTime nowUtc) =>
        Replace(_roleSplits, roleSplits, (draft, order) => new ProposalRoleSplit(draft, order), nowUtc);

    public void ReplaceBudget(IEnumerable<BudgetLineDraft> lines, DateTime nowUtc) =>
        Replace(_budgetLines, lines, (draft, order) => new BudgetLine(draft, order), nowUtc);

    public void ReplaceKpis(IEnumerable<KpiDraft> kpis, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        var drafts = kpis.ToList();
        var duplicate = drafts.GroupBy(kpi => kpi.Name?.Trim(), StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("成果指標「{0}」が重複しています。", duplicate.Key);
        }

        Replace(_kpis, drafts, (draft, order) => new Kpi(draft, order), nowUtc);
    }

    public ProposalAttachment AddAttachment(string fileName, string contentType, long sizeBytes, string storageKey, string uploadedByUserId, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        var attachment = new ProposalAttachment(fileName, contentType, sizeBytes, storageKey, uploadedByUserId, now);
        if (_attachments.Any(existing => existing.StorageKey == attachment.StorageKey))
        {
            throw new ArgumentException("An attachment with this storage key already exists.", nameof(storageKey));
        }

        _attachments.Add(attachment);
        UpdatedAtUtc = now;
        return attachment;
    }

    /// <summary>Removes the attachment and returns it, so the caller can delete the stored file.</summary>
    public ProposalAttachment RemoveAttachment(int attachmentId, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        var attachment = _attachments.FirstOrDefault(existing => existing.Id == attachmentId)
            ?? throw new DomainRuleException("指定された添付ファイルが見つかりません。");
        _attachments.Remove(attachment);
        UpdatedAtUtc = now;
        return attachment;
    }

    /// <summary>
    /// Every reason this proposal cannot be submitted to <paramref name="call"/>; empty when it
    /// is complete. Does not look at the call's window, which only matters for the first submission.
    /// </summary>
    public IReadOnlyList<SubmissionProblem> SubmissionProblems(Call call)
    {
        EnsureOwnCall(call);
        var problems = new List<SubmissionProblem>();
        void Add(SubmissionProblemCode code, UserMessage message) => problems.Add(new SubmissionProblem(code, message));

        if (string.IsNullOrWhiteSpace(Title))
        {
            Add(SubmissionProblemCode.TitleMissing, "事業名が入力されていません。");
        }

        if (Background is null)
        {
            Add(SubmissionProblemCode.BackgroundMissing, "事業の背景が入力されていません。");
        }

        if (Purpose is null)
        {
            Add(SubmissionProblemCode.PurposeMissing, "事業の目的が入力されていません。");
        }

        if (Beneficiaries is null)
        {
            Add(SubmissionProblemCode.BeneficiariesMissing, "事業の対象者（受益者）が入力されていません。");
        }

        if (call.ProposalType is ProposalType.GroupProposal or ProposalType.MutualProposal && ProposingGroupId is null)
        {
            Add(SubmissionProblemCode.ProposingGroupMissing, "提案団体が選択されていません。");
        }

        if (call.ProposalType is ProposalType.DepartmentProposal or ProposalType.MutualProposal && PartnerDepartmentId is null)
        {
            Add(SubmissionProblemCode.PartnerDepartmentMissing, "担当課が選択されていません。");
        }

        problems.AddRange(TermProblems(call));
        if (_activities.Count == 0)
        {
            Add(SubmissionProblemCode.ActivitiesMissing, "活動内容が入力されていません。");
        }

        if (_roleSplits.Count == 0)
        {
            Add(SubmissionProblemCode.RoleSplitsMissing, "役割分担が入力されていません。");
        }

        var termYears = TermFiscalYears();
        foreach (var year in termYears.Where(year => _scheduleItems.All(item => item.FiscalYear != year)))
        {
            problems.Add(new(SubmissionProblemCode.ScheduleYearMissing, new UserMessage("{0}のスケジュールが入力されていません。", new FiscalYear(year))) { FiscalYear = year });
        }

        problems.AddRange(ScheduleOutsideTerm(_scheduleItems.Select(item => item.FiscalYear)));
        if (_budgetLines.Count == 0)
        {
            Add(SubmissionProblemCode.BudgetMissing, "予算が入力されていません。");
        }
        else
        {
            problems.AddRange(BudgetProblems(call));
        }

        AddKpiProblems(termYears, problems);
        return problems;
    }

    /// <summary>
    /// The term against <paramref name="call"/>: longer than the call allows, or not starting in
    /// the call's fiscal year. Part of <see cref="SubmissionProblems"/>; the overview form refuses
    /// to save a term that is too long.
    /// </summary>
    public IReadOnlyList<SubmissionProblem> TermProblems(Call call)
    {
        EnsureOwnCall(call);
        var problems = new List<SubmissionProblem>();
        if (TermYears > call.MaxTermYears)
        {
            problems.Add(new(SubmissionProblemCode.TermTooLong, new UserMessage("事業期間が募集の上限を超えています（{0}年 / 上限 {1}年）。", TermYears, call.MaxTermYears))
            {
                AtField = new UserMessage("この募集の実施期間は最長 {0} 年度です。", call.MaxTermYears),
            });
        }

        if (StartFiscalYear != call.FiscalYear)
        {
            problems.Add(new(
                SubmissionProblemCode.StartYearNotCallYear,
                new UserMessage("事業の開始年度が募集の年度と異なります（{0} / 募集 {1}）。", new FiscalYear(StartFiscalYear), new FiscalYear(call.FiscalYear))));
        }

        return problems;
    }

    /// <summary>
    /// What the budget's figures break: lines in a fiscal year outside the term, a year whose
    /// income and expenses differ, the city share over the call's yearly or total cap. Each year's
    /// problem names its <see cref="SubmissionProblem.FiscalYear"/>. An empty budget has none (that
    /// it is missing only matters for submitting). Part of <see cref="SubmissionProblems"/>; the
    /// budget form refuses to save a budget with any of them.
    /// </summary>
    public IReadOnlyList<SubmissionProblem> BudgetProblems(Call call)
    {
        EnsureOwnCall(call);
        var problems = BudgetOutsideTerm(_budgetLines.Select(line => line.FiscalYear)).ToList();
        foreach (var budgetYear in BudgetByYear())
        {
            var label = budgetYear.FiscalYear;
            var year = label.StartYear;
            if (!budgetYear.Balanced)
            {
                var (income, expense) = (new Yen(budgetYear.IncomeTotal), new Yen(budgetYear.ExpenseTotal));
                problems.Add(new(SubmissionProblemCode.BudgetUnbalanced, new UserMessage("収入と支出の合計が一致していません（{0}: 収入 {1} / 支出 {2}）。", label, income, expense))
                {
                    FiscalYear = year,
                    AtField = new UserMessage("{0}: 収入 {1} と支出 {2} が一致していません。", label, income, expense),
                });
            }

            if (budgetYear.CityShare > call.MaxCitySharePerYear)
            {
                var (share, cap) = (new Yen(budgetYear.CityShare), new Yen(call.MaxCitySharePerYear));
                problems.Add(new(SubmissionProblemCode.CitySharePerYearOverCap, new UserMessage("市負担金が募集の年度上限を超えています（{0}: {1} / 上限 {2}）。", label, share, cap))
                {
                    FiscalYear = year,
                    AtField = new UserMessage("{0}: 市負担金 {1} が1年度の上限 {2} を超えています。", label, share, cap),
                });
            }
        }

        if (CityShareTotal > call.MaxCityShareTotal)
        {
            var (total, cap) = (new Yen(CityShareTotal), new Yen(call.MaxCityShareTotal));
            problems.Add(new(SubmissionProblemCode.CityShareTotalOverCap, new UserMessage("市負担金の合計が募集の上限を超えています（合計 {0} / 上限 {1}）。", total, cap))
            {
                AtField = new UserMessage("市負担金の合計 {0} が全期間の上限 {1} を超えています。", total, cap),
            });
        }

        return problems;
    }

    /// <summary>
    /// Schedule rows of a draft for a fiscal year outside the term, checked before the draft is
    /// applied (a year that is no fiscal year at all could not be applied).
    /// </summary>
    public IReadOnlyList<SubmissionProblem> OutsideTermProblems(IEnumerable<ScheduleItemDraft> schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return [.. ScheduleOutsideTerm(schedule.Select(item => item.FiscalYear))];
    }

    /// <summary>Budget lines of a draft for a fiscal year outside the term, checked before the draft is applied.</summary>
    public IReadOnlyList<SubmissionProblem> OutsideTermProblems(IEnumerable<BudgetLineDraft> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. BudgetOutsideTerm(lines.Select(line => line.FiscalYear))];
    }

    /// <summary>KPI targets of a draft for a fiscal year outside the term, checked before the draft is applied.</summary>
    public IReadOnlyList<SubmissionProblem> OutsideTermProblems(IEnumerable<KpiDraft> kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        return [.. kpis.SelectMany(kpi => KpiTargetsOutsideTerm(kpi.Name?.Trim() ?? string.Empty, kpi.Targets.Select(target => target.FiscalYear)))];
    }

    /// <summary>Draft → 提出済み. Only inside the call's window and only when complete.</summary>
    public void Submit(Call call, string proposerUserId, DateTime nowUtc)
    {
        EnsureOwnCall(call);
        var transition = EnsureAllowed(ProposalStatus.Submitted, ProposalActor.Proposer);
        if (!call.IsOpenAt(nowUtc))
        {
            throw new DomainRuleException("募集期間外のため提出できません。");
        }

        EnsureComplete(call);
        Record(transition, proposerUserId, comment: null, nowUtc);
    }

    /// <summary>
    /// 差し戻し → 再提出済み. Allowed after the call's window closed: the coordinator asked for
    /// the correction, so answering it late must not cost the proposer the proposal.
    /// </summary>
    public void Resubmit(Call call, string proposerUserId, string? comment, DateTime nowUtc)
    {
        EnsureOwnCall(call);
        var transition = EnsureAllowed(ProposalStatus.Resubmitted, ProposalActor.Proposer);
        EnsureComplete(call);
        Record(transition, proposerUserId, comment, nowUtc);
    }

    /// <summary>提出済み / 再提出済み → 差し戻し, with the correction asked for.</summary>
    public void Return(string coordinatorUserId, string comment, DateTime nowUtc) =>
        Record(EnsureAllowed(ProposalStatus.Returned, ProposalActor.Coordinator), coordinatorUserId, comment, nowUtc);

    /// <summary>提出済み / 再提出済み → 審査中.</summary>
    public void StartScreening(string coordinatorUserId, DateTime nowUtc) =>
        Record(EnsureAllowed(ProposalStatus.UnderScreening, ProposalActor.Coordinator), coordinatorUserId, comment: null, nowUtc);

    /// <summary>審査中 → 採択.</summary>
    public void Select(string coordinatorUserId, string? comment, DateTime nowUtc) =>
        Record(EnsureAllowed(ProposalStatus.Selected, ProposalActor.Coordinator), coordinatorUserId, comment, nowUtc);

    /// <summary>審査中 → 不採択.</summary>
    public void Reject(string coordinatorUserId, string? comment, DateTime nowUtc) =>
        Record(EnsureAllowed(ProposalStatus.NotSelected, ProposalActor.Coordinator), coordinatorUserId, comment, nowUtc);

    /// <summary>Any state before the decision → 取り下げ.</summary>
    public void Withdraw(string proposerUserId, string? comment, DateTime nowUtc) =>
        Record(EnsureAllowed(ProposalStatus.Withdrawn, ProposalActor.Proposer), proposerUserId, comment, nowUtc);

    private void AddKpiProblems(IReadOnlyList<int> termYears, List<SubmissionProblem> problems)
    {
        if (_kpis.Count == 0)
        {
            problems.Add(new(SubmissionProblemCode.KpiMissing, "成果指標（KPI）が設定されていません。"));
            return;
        }

        foreach (var kpi in _kpis)
        {
            if (kpi.Kind == KpiKind.Quantitative)
            {
                if (kpi.Unit is null)
                {
                    problems.Add(new(SubmissionProblemCode.KpiUnitMissing, new UserMessage("成果指標「{0}」の単位が入力されていません。", kpi.Name)));
                }

                foreach (var year in termYears.Where(year => !kpi.Targets.Any(target => target.FiscalYear == year && target.TargetValue is not null)))
                {
                    problems.Add(new(SubmissionProblemCode.KpiTargetMissing, new UserMessage("成果指標「{0}」の{1}の目標値が入力されていません。", kpi.Name, new FiscalYear(year))) { FiscalYear = year });
                }
            }

            problems.AddRange(KpiTargetsOutsideTerm(kpi.Name, kpi.Targets.Select(target => target.FiscalYear)));
        }
    }

    private IEnumerable<SubmissionProblem> ScheduleOutsideTerm(IEnumerable<int> years) =>
        OutsideTermProblems(years, SubmissionProblemCode.ScheduleOutsideTerm, year => new("事業期間外の年度にスケジュールが入力されています（{0}）。", year));

    private IEnumerable<SubmissionProblem> BudgetOutsideTerm(IEnumerable<int> years) =>
        OutsideTermProblems(years, SubmissionProblemCode.BudgetOutsideTerm, year => new("事業期間外の年度に予算が入力されています（{0}）。", year));

    private IEnumerable<SubmissionProblem> KpiTargetsOutsideTerm(string kpiName, IEnumerable<int> years) =>
        OutsideTermProblems(years, SubmissionProblemCode.KpiTargetOutsideTerm, year => new("成果指標「{0}」に事業期間外の年度の目標が入力されています（{1}）。", kpiName, year));

    /// <summary>One problem per year outside the term, shown next to a row's year as "事業期間外の年度です。".</summary>
    private IEnumerable<SubmissionProblem> OutsideTermProblems(IEnumerable<int> years, SubmissionProblemCode code, Func<object, UserMessage> message) =>
        OutsideTerm(years).Select(year => new SubmissionProblem(code, message(YearArgument(year))) { FiscalYear = year, AtField = "事業期間外の年度です。" });

    /// <summary>A fiscal year as a message argument; a draft's year that is no fiscal year at all (a tampered form) stays a number.</summary>
    private static object YearArgument(int year) =>
        year is >= Common.FiscalYear.MinStartYear and <= Common.FiscalYear.MaxStartYear ? new FiscalYear(year) : year;

    private IEnumerable<int> OutsideTerm(IEnumerable<int> years) =>
        years.Where(year => year < StartFiscalYear || year >= StartFiscalYear + TermYears).Distinct().Order();

    private void ApplyOverview(
        string title,
        string? background,
        string? purpose,
        string? beneficiaries,
        int startFiscalYear,
        int termYears,
        int? proposingGroupId,
        int? partnerDepartmentId)
    {
        if (termYears is < Call.MinTermYears or > Call.MaxTermYearsLimit)
        {
            throw new DomainRuleException("事業期間は{0}年から{1}年の間で指定してください。", Call.MinTermYears, Call.MaxTermYearsLimit);
        }

        // Both ends of the term must be valid fiscal years.
        _ = new FiscalYear(startFiscalYear);
        _ = new FiscalYear(startFiscalYear + termYears - 1);
        if (proposingGroupId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(proposingGroupId), proposingGroupId, "A group id must be positive.");
        }

        if (partnerDepartmentId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(partnerDepartmentId), partnerDepartmentId, "A department id must be positive.");
        }

        Title = Text.Required(title, TitleMaxLength, nameof(title));
        Background = Text.Optional(background, BackgroundMaxLength, nameof(background));
        Purpose = Text.Optional(purpose, PurposeMaxLength, nameof(purpose));
        Beneficiaries = Text.Optional(beneficiaries, BeneficiariesMaxLength, nameof(beneficiaries));
        StartFiscalYear = startFiscalYear;
        TermYears = termYears;
        ProposingGroupId = proposingGroupId;
        PartnerDepartmentId = partnerDepartmentId;
    }

    private void Replace<TDraft, TRow>(List<TRow> rows, IEnumerable<TDraft> drafts, Func<TDraft, int, TRow> create, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var now = EnsureEditable(nowUtc);

        // Build every row first, so a bad row leaves the section as it was.
        var replacement = drafts.Select((draft, index) => create(draft, index + 1)).ToList();
        rows.Clear();
        rows.AddRange(replacement);
        UpdatedAtUtc = now;
    }

    private DateTime EnsureEditable(DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        return IsEditable
            ? now
            : throw new DomainRuleException("「{0}」の提案は編集できません。", Status);
    }

    private void EnsureOwnCall(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Id != CallId)
        {
            throw new ArgumentException("The call is not the one this proposal answers.", nameof(call));
        }
    }

    private void EnsureComplete(Call call)
    {
        var problems = SubmissionProblems(call);
        if (problems.Count > 0)
        {
            throw new DomainRuleException([.. problems.Select(problem => problem.Message)]);
        }
    }

    private ProposalTransition EnsureAllowed(ProposalStatus target, ProposalActor actor) =>
        ProposalWorkflow.Find(Status, target, actor)
            ?? throw new DomainRuleException(ProposalWorkflow.NotAllowedMessage(Status, target));

    private void Record(ProposalTransition transition, string actorUserId, string? comment, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var userId = Text.Required(actorUserId, UserIdMaxLength, nameof(actorUserId));
        var text = Text.Optional(comment, ProposalStatusChange.CommentMaxLength, nameof(comment));
        if (transition.CommentRequired && text is null)
        {
            throw new DomainRuleException(transition.To == ProposalStatus.Returned
                ? new UserMessage("差し戻しの理由を入力してください。")
                : new UserMessage("「{0}」にする理由を入力してください。", transition.To));
        }

        _history.Add(new ProposalStatusChange(transition.From, transition.To, transition.Actor, userId, now, text));
        Status = transition.To;
        UpdatedAtUtc = now;
    }
}
