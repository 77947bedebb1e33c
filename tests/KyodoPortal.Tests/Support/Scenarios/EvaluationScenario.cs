using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Support.Scenarios;

/// <summary>Reaching an evaluation quickly: the first year's annual report accepted, and a round opened on it.</summary>
public static class EvaluationScenario
{
    /// <summary>The first year's report (参加者数 42, every budget line as planned) submitted and accepted.</summary>
    public static async Task AcceptedReportAsync(ProjectScenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        await ReportScenario.StoredSubmittedAsync(s);
        await using var scope = s.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var report = await db.AnnualReports.SingleAsync(r => r.ProjectId == s.Project.Id);
        report.Accept(ReportActor.Coordinator, "office", null, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>The report accepted and a round opened on the first year with the given committee members.</summary>
    public static async Task<int> RoundAsync(ProjectScenario s, params string[] memberUserIds)
    {
        await AcceptedReportAsync(s);
        return await OpenRoundAsync(s, memberUserIds);
    }

    /// <summary>A round opened on the first year (its report already accepted) with the given committee members.</summary>
    public static async Task<int> OpenRoundAsync(ProjectScenario s, params string[] memberUserIds)
    {
        ArgumentNullException.ThrowIfNull(s);
        await using var scope = s.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var project = await db.Projects.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == s.Project.Id);
        var round = new EvaluationRound(project, s.FirstYear, annualReportAccepted: true, "office", DateTime.UtcNow);
        foreach (var id in memberUserIds)
        {
            round.AddMember(id, DateTime.UtcNow);
        }

        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>The same points on every criterion of the score form on the page.</summary>
    public static List<KeyValuePair<string, string>> Points(IHtmlDocument form, int points) =>
    [
        .. form.QuerySelectorAll("#score-form select[name$='.Points']")
            .Select(select => new KeyValuePair<string, string>(select.GetAttribute("name")!, points.ToString(System.Globalization.CultureInfo.InvariantCulture))),
    ];
}
