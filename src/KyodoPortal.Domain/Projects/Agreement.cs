using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// 協定: what the parties of a project agreed to — who they are (two or more, seed 000 has three),
/// the term, the role split and the cost share. Owned by its <see cref="Project"/>; drafted and
/// redrafted while the project is being prepared, frozen once signed.
/// </summary>
public sealed class Agreement
{
    public const int CostShareNoteMaxLength = 2000;
    public const int PurposeMaxLength = 4000;

    private readonly List<AgreementParty> _parties = [];
    private readonly List<AgreementRoleSplit> _roleSplits = [];

    // For EF Core materialization.
    private Agreement()
    {
    }

    private Agreement(DateTime draftedAtUtc)
    {
        DraftedAtUtc = draftedAtUtc;
    }

    /// <summary>Start year of the first fiscal year of the agreed term.</summary>
    public int StartFiscalYear { get; private set; }

    /// <summary>Start year of the last fiscal year of the agreed term.</summary>
    public int EndFiscalYear { get; private set; }

    /// <summary>What the city pays over the whole term (yen).</summary>
    public long CityShareTotal { get; private set; }

    /// <summary>費用負担: how the costs are shared, in words (e.g. 印刷は市、会場は団体).</summary>
    public string? CostShareNote { get; private set; }

    /// <summary>協定の目的.</summary>
    public string? Purpose { get; private set; }

    public DateTime DraftedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>締結日, the date written on the agreement.</summary>
    public DateOnly? SignedOn { get; private set; }

    /// <summary>Who recorded the signing.</summary>
    public string? SignedByUserId { get; private set; }

    public DateTime? SignedAtUtc { get; private set; }

    public bool IsSigned => SignedOn is not null;

    public int TermYears => EndFiscalYear - StartFiscalYear + 1;

    public IReadOnlyList<AgreementParty> Parties => _parties;

    public IReadOnlyList<AgreementRoleSplit> RoleSplits => _roleSplits;

    /// <summary>The agreement as a draft again, to pre-fill the form for a redraft.</summary>
    public AgreementDraft ToDraft() => new(
        [.. _parties.Select(party => party.ToDraft())],
        StartFiscalYear,
        EndFiscalYear,
        [.. _roleSplits.Select(split => split.ToDraft(_parties.Count))],
        CityShareTotal,
        CostShareNote,
        Purpose);

    internal static Agreement Draft(AgreementDraft draft, int callMaxTermYears, DateTime nowUtc)
    {
        var agreement = new Agreement(nowUtc);
        agreement.Apply(draft, callMaxTermYears, nowUtc);
        return agreement;
    }

    /// <summary>Replaces every part of the draft; nothing changes when any part is invalid.</summary>
    internal void Apply(AgreementDraft draft, int callMaxTermYears, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (IsSigned)
        {
            throw new DomainRuleException("締結済みの協定は変更できません。");
        }

        if (callMaxTermYears is < Call.MinTermYears or > Call.MaxTermYearsLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(callMaxTermYears), callMaxTermYears, "A call's maximum term is 1–5 years.");
        }

        var parties = (draft.Parties ?? []).Select((party, index) => new AgreementParty(party, index + 1)).ToList();
        if (parties.Count < 2)
        {
            throw new DomainRuleException("協定の当事者を2者以上入力してください。");
        }

        if (parties.All(party => party.Kind != AgreementPartyKind.Department))
        {
            throw new DomainRuleException("協定の当事者に市の担当課を含めてください。");
        }

        var duplicate = parties.Where(party => party.CitizenGroupId is not null).GroupBy(party => party.CitizenGroupId).FirstOrDefault(group => group.Count() > 1)
            ?? parties.Where(party => party.DepartmentId is not null).GroupBy(party => party.DepartmentId).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("当事者「{0}」が重複しています。", duplicate.First().Name);
        }

        _ = new FiscalYear(draft.StartFiscalYear);
        _ = new FiscalYear(draft.EndFiscalYear);
        if (draft.EndFiscalYear < draft.StartFiscalYear)
        {
            throw new DomainRuleException("協定期間の終了年度は開始年度以降にしてください。");
        }

        var termYears = draft.EndFiscalYear - draft.StartFiscalYear + 1;
        if (termYears > callMaxTermYears)
        {
            throw new DomainRuleException("協定期間が募集の上限を超えています（{0}年 / 上限 {1}年）。", termYears, callMaxTermYears);
        }

        if (draft.CityShareTotal is < 0 or > BudgetLine.MaxAmount)
        {
            throw new DomainRuleException("市負担金の合計は0円以上の妥当な金額で入力してください。");
        }

        var roleSplits = (draft.RoleSplits ?? [])
            .Select((split, index) => new AgreementRoleSplit(split, index + 1, parties.Count))
            .ToList();
        var costShareNote = Text.Optional(draft.CostShareNote, CostShareNoteMaxLength, nameof(draft.CostShareNote));
        var purpose = Text.Optional(draft.Purpose, PurposeMaxLength, nameof(draft.Purpose));

        StartFiscalYear = draft.StartFiscalYear;
        EndFiscalYear = draft.EndFiscalYear;
        CityShareTotal = draft.CityShareTotal;
        CostShareNote = costShareNote;
        Purpose = purpose;
        _parties.Clear();
        _parties.AddRange(parties);
        _roleSplits.Clear();
        _roleSplits.AddRange(roleSplits);
        UpdatedAtUtc = nowUtc;
    }

    internal void Sign(DateOnly signedOn, string userId, DateTime nowUtc)
    {
        if (IsSigned)
        {
            throw new DomainRuleException("この協定はすでに締結されています。");
        }

        if (signedOn > UtcTime.JapanDate(nowUtc))
        {
            throw new DomainRuleException("締結日に未来の日付は指定できません。");
        }

        SignedOn = signedOn;
        SignedByUserId = userId;
        SignedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }
}
