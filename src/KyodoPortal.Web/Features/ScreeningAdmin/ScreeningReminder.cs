using System.Globalization;
using System.Text;
using KyodoPortal.Web.Infrastructure.People;

namespace KyodoPortal.Web.Features.ScreeningAdmin;

/// <summary>
/// The reminder (督促) a committee member gets when they have not finished: which proposals still
/// need a declaration or a submitted sheet, and where to score. Always Japanese, like every notice.
/// </summary>
public static class ScreeningReminder
{
    /// <summary>The members who have something left on the board, with the titles of what is left.</summary>
    public static IReadOnlyList<(PersonName Member, IReadOnlyList<string> Unfinished)> Recipients(ScreeningDashboardViewModel board) =>
    [
        .. board.Progress
            .Select(row => (row.Member, Unfinished: (IReadOnlyList<string>)[.. row.Cells
                .Select((cell, index) => (cell, board.Proposals[index].Title))
                .Where(pair => pair.cell.IsUnfinished())
                .Select(pair => pair.Title)]))
            .Where(pair => pair.Unfinished.Count > 0 && !string.IsNullOrEmpty(pair.Member.Email)),
    ];

    public static string Subject(string callName) => $"【協働ポータル】評価票のご提出のお願い（{callName}）";

    public static string Body(string memberName, string callName, IReadOnlyList<string> unfinished, string screeningUrl)
    {
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"{memberName} 様");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"「{callName}」の審査で、まだ評価票を提出いただいていない提案があります。");
        body.AppendLine("利益相反の申告と評価票の提出をお願いします。");
        body.AppendLine();
        foreach (var title in unfinished)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"・{title}");
        }

        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"審査のページ: {screeningUrl}");
        body.AppendLine();
        body.AppendLine("このメールは送信専用です。");
        return body.ToString();
    }
}
