using System.Globalization;
using System.Text;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Features.ScreeningAdmin;

namespace KyodoPortal.Web.Features.ScreeningDecisions;

/// <summary>The coordinator's 採択 / 不採択 form for one proposal.</summary>
public sealed class DecisionInput
{
    /// <summary>採択 (true) or 不採択 (false); null when neither was chosen.</summary>
    public bool? Selected { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A recorded decision with the coordinator's name.</summary>
public sealed record RecordedDecision(ScreeningDecision Decision, string DecidedByName);

/// <summary>One ranked proposal: its decision, or what its form needs.</summary>
public sealed record DecisionLine(RankingLine Ranking, RecordedDecision? Decision, bool SelectingDeparts, bool RejectingDeparts);

/// <summary>The form that failed, shown again with its input and the message next to the reason.</summary>
public sealed record FailedDecision(int ProposalId, DecisionInput Input, string Message);

public sealed record ScreeningDecisionsViewModel(
    ScreeningCallHeader Call,
    ScreeningPanel? Panel,
    IReadOnlyList<DecisionLine> Lines,
    FailedDecision? Failed)
{
    public bool PanelClosed => Panel is { IsOpen: false };
}

/// <summary>The notice sent to the proposing group and the partner department after a decision (always Japanese).</summary>
public static class DecisionNotice
{
    public static string Subject(string proposalTitle) => $"【協働ポータル】選考結果のお知らせ（{proposalTitle}）";

    public static string Body(string callName, int proposalId, string proposalTitle, bool selected, string? reason, string proposalUrl)
    {
        var body = new StringBuilder();
        body.AppendLine("協働ポータルからのお知らせです。");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"「{callName}」に提出された提案の選考結果をお知らせします。");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"提案: {proposalTitle}");
        body.AppendLine(CultureInfo.InvariantCulture, $"選考結果: {(selected ? "採択" : "不採択")}");
        if (!string.IsNullOrWhiteSpace(reason))
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"理由: {reason}");
        }

        body.AppendLine();
        body.AppendLine(selected
            ? "今後、担当課と協定の準備を進めます。詳しくは提案のページをご覧ください。"
            : "詳しくは提案のページをご覧ください。");
        body.AppendLine(CultureInfo.InvariantCulture, $"提案のページ: {proposalUrl}");
        body.AppendLine(CultureInfo.InvariantCulture, $"（提案番号 {proposalId}）");
        body.AppendLine();
        body.AppendLine("このメールは送信専用です。");
        return body.ToString();
    }
}
