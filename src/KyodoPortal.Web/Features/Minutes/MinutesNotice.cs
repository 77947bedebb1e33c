using System.Globalization;
using System.Text;

namespace KyodoPortal.Web.Features.Minutes;

/// <summary>The Japanese e-mail that asks a project's parties to check the minutes (確認依頼).</summary>
public static class MinutesNotice
{
    public static string CirculatedSubject(string meetingName) => $"【協働ポータル】議事録（質疑応答）の確認のお願い（{meetingName}）";

    public static string CirculatedBody(string meetingName, string projectTitle, string minutesUrl)
    {
        var body = new StringBuilder();
        body.AppendLine("協働ポータルからのお知らせです。");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"{meetingName}の議事録（質疑応答）の案ができました。協働事業「{projectTitle}」の質疑応答をご確認ください。");
        body.AppendLine("ご自身の回答に修正が必要な場合は、議事録のページから修正案を提案してください。");
        body.AppendLine(CultureInfo.InvariantCulture, $"議事録のページ: {minutesUrl}");
        body.AppendLine();
        body.AppendLine("このメールは送信専用です。");
        return body.ToString();
    }
}
