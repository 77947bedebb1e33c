using System.Globalization;
using System.Text;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>What happened to a report, for the e-mail to the other side.</summary>
public enum ReportEvent
{
    Submitted,
    Resubmitted,
    Returned,
    Accepted,
    CorrectionStarted,
}

/// <summary>The Japanese e-mails of the report cycle: each move tells the other side (group ↔ city).</summary>
public static class ReportNotice
{
    // The mails are Japanese whatever the sender's UI language: the recipients are city staff and groups.
    private static readonly Dictionary<ReportEvent, string> Verbs = new()
    {
        [ReportEvent.Submitted] = "提出されました",
        [ReportEvent.Resubmitted] = "再提出されました",
        [ReportEvent.Returned] = "差し戻されました",
        [ReportEvent.Accepted] = "受理されました",
        [ReportEvent.CorrectionStarted] = "訂正されます",
    };

    private static readonly Dictionary<ReportEvent, string> NextSteps = new()
    {
        [ReportEvent.Submitted] = "内容を確認し、受理または差戻しをしてください。",
        [ReportEvent.Resubmitted] = "内容を確認し、受理または差戻しをしてください。",
        [ReportEvent.Returned] = "コメントを確認して報告を修正し、再提出してください。",
        [ReportEvent.Accepted] = "受理された報告は変更できません。訂正が必要な場合は訂正版を作成してください。",
        [ReportEvent.CorrectionStarted] = "訂正版は団体が編集して提出します。受理済みの報告はそのまま残ります。",
    };

    public static string Subject(ReportEvent what, string projectTitle, int fiscalYear) =>
        $"【協働ポータル】事業報告が{Verb(what)}（{projectTitle} {Year(fiscalYear)}）";

    public static string Body(ReportEvent what, string projectTitle, int fiscalYear, string? comment, string reportUrl)
    {
        var body = new StringBuilder();
        body.AppendLine("協働ポータルからのお知らせです。");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"協働事業「{projectTitle}」の{Year(fiscalYear)}の事業報告が{Verb(what)}。");
        if (!string.IsNullOrWhiteSpace(comment))
        {
            body.AppendLine();
            body.AppendLine(CultureInfo.InvariantCulture, $"{(what == ReportEvent.CorrectionStarted ? "訂正の理由" : "コメント")}: {comment.Trim()}");
        }

        body.AppendLine();
        body.AppendLine(NextSteps[what]);
        body.AppendLine(CultureInfo.InvariantCulture, $"報告のページ: {reportUrl}");
        body.AppendLine();
        body.AppendLine("このメールは送信専用です。");
        return body.ToString();
    }

    /// <summary>督促: the reports of a project that are overdue, to its group.</summary>
    public static string ReminderSubject(string projectTitle) => $"【協働ポータル】事業報告の提出期限を過ぎています（{projectTitle}）";

    public static string ReminderBody(string projectTitle, IEnumerable<(int FiscalYear, DateOnly Deadline, string ReportUrl)> overdue)
    {
        ArgumentNullException.ThrowIfNull(overdue);
        var body = new StringBuilder();
        body.AppendLine("協働ポータルからのお知らせです。");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"協働事業「{projectTitle}」の次の事業報告が、提出期限を過ぎてもまだ提出されていません。");
        body.AppendLine();
        foreach (var (fiscalYear, deadline, url) in overdue)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"・{Year(fiscalYear)}（提出期限 {JapaneseFormat.WarekiDate(deadline)}）: {url}");
        }

        body.AppendLine();
        body.AppendLine("報告を作成・修正して提出してください。ご不明な点は協働推進担当までお問い合わせください。");
        body.AppendLine();
        body.AppendLine("このメールは送信専用です。");
        return body.ToString();
    }

    private static string Year(int fiscalYear) => new FiscalYear(fiscalYear).ToJapaneseLabel();

    private static string Verb(ReportEvent what) => Verbs[what];

    /// <summary>Who hears about <paramref name="what"/> done by <paramref name="actor"/>: the side that did not act.</summary>
    public static bool ToGroup(ReportEvent what, ReportActor actor) => what switch
    {
        ReportEvent.Submitted or ReportEvent.Resubmitted => false,
        ReportEvent.Returned or ReportEvent.Accepted => true,
        _ => actor != ReportActor.Group,
    };
}
