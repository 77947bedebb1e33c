using System.Globalization;
using System.Net;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// A creating form posted twice (a double click, a retried request) creates one record, and the
/// second post is answered with the first one's result (issue 14): the form's one-time key, stored
/// with what it created under a unique index.
/// </summary>
[Trait("Category", "Database")]
public sealed class DoubleSubmitTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string AlreadySent = "この内容は既に送信され、登録されています。";

    [Fact]
    public async Task The_new_activity_form_posted_twice_records_one_activity_and_shows_the_first_result_again()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var form = await member.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}");
        (string, string)[] values = [("Input.HeldOn", ProjectYearScenario.DayInFirstYear(s).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Input.Title", "第1回セミナー"), ("Input.FeeCharged", "0")];

        using var first = await member.SubmitAsync(form, "#activity-form", values);
        var firstResult = await member.GetPageAsync(first.Headers.Location!.OriginalString);
        Assert.Contains("第1回セミナー", firstResult.Text("[role=status]"), StringComparison.Ordinal);
        using var second = await member.SubmitAsync(form, "#activity-form", values);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var page = await member.GetPageAsync(second.Headers.Location!.OriginalString);
        Assert.Contains(AlreadySent, page.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.ActivityRecords.CountAsync(a => a.ProjectId == s.Project.Id)));

        var again = await member.SubmitAndFollowAsync(await member.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}"), "#activity-form", values);
        Assert.Contains("第1回セミナー", again.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(2, await factory.QueryAsync(db => db.ActivityRecords.CountAsync(a => a.ProjectId == s.Project.Id)));
    }

    [Fact]
    public async Task The_new_meeting_form_posted_four_times_at_once_creates_one_meeting_and_answers_each_with_it()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var office = await s.CoordinatorAsync();
        var form = await office.GetPageAsync("/meetings/new");
        var name = "報告会" + Guid.NewGuid().ToString("N")[..8];
        (string, string)[] values = [("Input.Name", name), ("Input.HeldOn", MeetingScenario.JapanToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Input.ReportedFiscalYear", s.FirstYear.ToString(CultureInfo.InvariantCulture))];

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => office.SubmitAsync(form, "#meeting-form", values)));

        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
            Assert.Equal(1, await factory.QueryAsync(db => db.ReportMeetings.CountAsync(m => m.Name == name)));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_refused_first_post_keeps_the_key_so_the_corrected_form_still_creates_once()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var form = await member.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}");
        var key = form.QuerySelector("#activity-form input[name=FormOnce]")!.GetAttribute("value");

        using var refused = await member.SubmitAsync(form, "#activity-form", ("Input.Title", ""), ("Input.FeeCharged", "0"));
        var shownAgain = await PageClient.ReadAsync(refused, HttpStatusCode.OK);

        Assert.Equal(key, shownAgain.QuerySelector("#activity-form input[name=FormOnce]")!.GetAttribute("value"));
        (string, string)[] values = [("Input.HeldOn", ProjectYearScenario.DayInFirstYear(s).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Input.Title", "第1回セミナー")];
        await member.SubmitAndFollowAsync(shownAgain, "#activity-form", values);
        await member.SubmitAndFollowAsync(shownAgain, "#activity-form", values);
        Assert.Equal(1, await factory.QueryAsync(db => db.ActivityRecords.CountAsync(a => a.ProjectId == s.Project.Id)));
    }

    [Fact]
    public async Task Submission_markers_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        var now = DateTime.UtcNow;
        var old = new KyodoPortal.Web.Infrastructure.Forms.FormSubmission(Guid.NewGuid(), "purge-user", "/old", now.AddDays(-FormSubmissionPurge.RetentionDays - 1));
        var recent = new KyodoPortal.Web.Infrastructure.Forms.FormSubmission(Guid.NewGuid(), "purge-user", "/recent", now.AddDays(-FormSubmissionPurge.RetentionDays + 1));
        await factory.AddAsync(old);
        await factory.AddAsync(recent);

        var deleted = await factory.Services.GetRequiredService<FormSubmissionPurge>().PurgeAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        var left = await factory.QueryAsync(db => db.FormSubmissions.Where(f => f.UserId == "purge-user").Select(f => f.ResultUrl).ToListAsync());
        Assert.Equal(["/recent"], left);
    }
}
