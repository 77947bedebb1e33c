using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Domain.Builders;

/// <summary>
/// Builds calls and proposals for the seed-000 story (a two-year employment-support seminar
/// project, 令和7–8年度: city 300,000円 + participant fees 1,000円 × 120 = 420,000円 a year) and
/// reaches every proposal state through the real transitions.
/// </summary>
internal sealed class ProposalBuilder
{
    public const int GroupId = 7;
    public const int DepartmentId = 3;
    public const int CallFiscalYear = 2025;
    public const string ProposerUserId = "group-member-1";
    public const string CoordinatorUserId = "coordinator-1";

    // The window is 令和6年10月1日 00:00 JST (inclusive) to 令和6年12月1日 00:00 JST (exclusive).
    public static readonly DateTime OpensAtUtc = new(2024, 9, 30, 15, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime ClosesAtUtc = new(2024, 11, 30, 15, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime InsideWindow = new(2024, 10, 15, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime AfterWindow = new(2024, 12, 10, 1, 0, 0, DateTimeKind.Utc);

    private ProposalType _type = ProposalType.GroupProposal;
    private long _maxCitySharePerYear = 300_000;
    private long _maxCityShareTotal = 600_000;
    private int _maxTermYears = 3;

    public ProposalBuilder OfType(ProposalType type)
    {
        _type = type;
        return this;
    }

    public ProposalBuilder WithCaps(long perYear, long total)
    {
        _maxCitySharePerYear = perYear;
        _maxCityShareTotal = total;
        return this;
    }

    public ProposalBuilder WithMaxTermYears(int maxTermYears)
    {
        _maxTermYears = maxTermYears;
        return this;
    }

    /// <summary>A published call for 令和7年度 with the screening rubric set.</summary>
    public Call BuildCall()
    {
        var call = new Call(
            "令和7年度 協働事業提案制度（市民活動団体提案）",
            _type,
            CallFiscalYear,
            OpensAtUtc,
            ClosesAtUtc,
            _maxCityShareTotal,
            _maxCitySharePerYear,
            _maxTermYears,
            "提案書と収支予算書を提出してください。");
        call.ReplaceCriteria(
        [
            new ScreeningCriterionDraft("公益性", "市民全体の利益になるか。", 2, 5),
            new ScreeningCriterionDraft("実現性", "計画と予算が現実的か。", 1, 5),
        ]);
        call.Publish();
        return call;
    }

    /// <summary>A complete, balanced two-year draft for <paramref name="call"/> (<see cref="Recipes.Complete"/>: the seed-000 content and budget).</summary>
    public static Proposal CompleteDraft(Call call) =>
        Recipes.Complete(new Proposal(call, "就労支援セミナー事業", GroupId, DepartmentId, ProposerUserId, InsideWindow), CallFiscalYear, 2, GroupId, DepartmentId, InsideWindow);

    /// <summary>A complete proposal moved to <paramref name="status"/> through the real transitions.</summary>
    public static Proposal InState(Call call, ProposalStatus status)
    {
        var proposal = CompleteDraft(call);
        switch (status)
        {
            case ProposalStatus.Draft:
                break;
            case ProposalStatus.Submitted:
                proposal.Submit(call, ProposerUserId, InsideWindow);
                break;
            case ProposalStatus.Returned:
                proposal = InState(call, ProposalStatus.Submitted);
                proposal.Return(CoordinatorUserId, "予算の内訳を詳しく書いてください。", AfterWindow);
                break;
            case ProposalStatus.Resubmitted:
                proposal = InState(call, ProposalStatus.Returned);
                proposal.Resubmit(call, ProposerUserId, "内訳を追記しました。", AfterWindow);
                break;
            case ProposalStatus.UnderScreening:
                proposal = InState(call, ProposalStatus.Submitted);
                proposal.StartScreening(CoordinatorUserId, AfterWindow);
                break;
            case ProposalStatus.Selected:
                proposal = InState(call, ProposalStatus.UnderScreening);
                proposal.Select(CoordinatorUserId, "公益性が高い。", AfterWindow);
                break;
            case ProposalStatus.NotSelected:
                proposal = InState(call, ProposalStatus.UnderScreening);
                proposal.Reject(CoordinatorUserId, "予算の根拠が不十分。", AfterWindow);
                break;
            case ProposalStatus.Withdrawn:
                proposal.Withdraw(ProposerUserId, null, InsideWindow);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        return proposal;
    }

    /// <summary>Calls the transition method that moves a proposal to <paramref name="target"/>.</summary>
    public static void MoveTo(Proposal proposal, Call call, ProposalStatus target, string? comment, DateTime nowUtc)
    {
        switch (target)
        {
            case ProposalStatus.Submitted:
                proposal.Submit(call, ProposerUserId, nowUtc);
                break;
            case ProposalStatus.Returned:
                proposal.Return(CoordinatorUserId, comment ?? string.Empty, nowUtc);
                break;
            case ProposalStatus.Resubmitted:
                proposal.Resubmit(call, ProposerUserId, comment, nowUtc);
                break;
            case ProposalStatus.UnderScreening:
                proposal.StartScreening(CoordinatorUserId, nowUtc);
                break;
            case ProposalStatus.Selected:
                proposal.Select(CoordinatorUserId, comment, nowUtc);
                break;
            case ProposalStatus.NotSelected:
                proposal.Reject(CoordinatorUserId, comment, nowUtc);
                break;
            case ProposalStatus.Withdrawn:
                proposal.Withdraw(ProposerUserId, comment, nowUtc);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, "No method moves a proposal back to a draft.");
        }
    }
}
