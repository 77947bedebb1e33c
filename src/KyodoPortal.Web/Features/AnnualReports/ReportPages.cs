using System.Security.Claims;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Agreements;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Mail;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>
/// What the report controllers share: the year's report context as a loader, the current plan,
/// the report page's view model, and the notice mail to the other side after a move.
/// </summary>
public static class ReportPages
{
    public static string ReportUrl(int projectId, int fiscalYear) => $"/projects/{projectId}/reports/{fiscalYear}";

    /// <summary>The year's reports for a party; 404 for a year outside the term or a user who is not a party.</summary>
    public static async Task<Loaded<ReportContext>> LoadAsync(KyodoDbContext db, ClaimsPrincipal user, int id, int fy, bool tracking, CancellationToken cancellationToken) =>
        await ReportContext.LoadAsync(db, user, id, fy, tracking, cancellationToken) is { } context ? context : LoadRefusal.NotFound;

    /// <summary>As <see cref="LoadAsync"/>, and the year has a report (else 404).</summary>
    public static async Task<Loaded<ReportContext>> LoadWithReportAsync(KyodoDbContext db, ClaimsPrincipal user, int id, int fy, bool tracking, CancellationToken cancellationToken) =>
        await ReportContext.LoadAsync(db, user, id, fy, tracking, cancellationToken) is { Latest: not null } context ? context : LoadRefusal.NotFound;

    /// <summary>The current plan; a project with reports is 実施中, so it has at least its baseline.</summary>
    public static async Task<PlanContent> PlanAsync(KyodoDbContext db, int projectId, CancellationToken cancellationToken) =>
        (await ProjectQueries.CurrentPlanAsync(db, projectId, cancellationToken))?.Content ?? PlanContent.Create(new PlanDrafts([], [], [], []));

    public static async Task<ReportPageViewModel> PageAsync(KyodoDbContext db, ReportContext context, ReportForms? forms, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var project = context.Project;
        var fy = context.FiscalYear;
        var report = context.Latest;
        var plan = report is null ? null : await PlanAsync(db, project.Id, cancellationToken);
        var baseline = report is null ? null : await ProjectQueries.BaselineAsync(db, project.Id, cancellationToken);
        var activities = await db.ActivityRecords.AsNoTracking()
            .Where(a => a.ProjectId == project.Id && a.FiscalYear == fy)
            .OrderBy(a => a.HeldOn).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var people = await PeopleDirectory.NamesAsync(
            db,
            context.Revisions.SelectMany(r => r.History.Select(h => h.ByUserId).Append(r.CreatedByUserId).Append(r.DepartmentCommentByUserId ?? string.Empty)),
            cancellationToken);
        var side = context.Side;
        var actor = ProjectAccess.ReportActorOf(side);
        var problems = report is not null && plan is not null && actor is { } a && report.CanEdit(a) ? report.SubmissionProblems(plan) : [];
        return new ReportPageViewModel(
            project,
            await ProjectQueries.NamesAsync(db, project, cancellationToken),
            fy,
            side,
            report,
            [.. context.Revisions.Where(r => r != report).OrderByDescending(r => r.Revision)],
            activities,
            plan is null ? [] : PlanDeviations.ForActivities(activities, plan),
            baseline is null || plan is null ? [] : PlanComparison.Between(baseline.Content, plan, RoleColumns.PartyNames(project)),
            report is null || plan is null ? [] : KpiResults.For(report, plan),
            report is null || plan is null ? null : BudgetExecution.For(report, plan),
            problems,
            people.ToDisplayNames(),
            YearStarted: fy <= FiscalYear.Of(today).StartYear,
            forms ?? ReportForms.For(report));
    }

    /// <summary>
    /// Mails the other side (the group's members, or the department's staff) after a move is
    /// saved; nothing to say when it went out (the runner turns a failure into a warning).
    /// </summary>
    public static async Task<UserMessage?> NotifyAsync(
        KyodoDbContext db,
        IMailSender mail,
        string siteUrl,
        Project project,
        int fy,
        ReportEvent what,
        ReportActor actor,
        string? comment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(project);
        var recipients = ReportNotice.ToGroup(what, actor)
            ? await ReportRecipients.GroupMembersAsync(db, project, cancellationToken)
            : await ReportRecipients.DepartmentStaffAsync(db, project, cancellationToken);
        if (recipients.Count > 0)
        {
            var url = siteUrl + ReportUrl(project.Id, fy);
            await mail.SendAsync(new OutgoingMail(recipients, ReportNotice.Subject(what, project.Title, fy), ReportNotice.Body(what, project.Title, fy, comment, url)), cancellationToken);
        }

        return null;
    }
}
