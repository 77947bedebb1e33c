using System.Globalization;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 16: a survey copied to start next year's, and the paged survey lists.</summary>
[Trait("Category", "Database")]
public sealed class SurveyCopyTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task Copying_a_closed_survey_starts_an_independent_draft_with_its_questions_a_marked_title_and_next_years_period()
    {
        var original = await SurveyScenario.Seed001Async(factory, anonymous: false);
        await SurveyScenario.RecordAsync(factory, original, Seed001Survey.Answers(original));
        await SurveyScenario.MoveAsync(factory, original, SurveyStatus.Closed);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var page = await coordinator.GetPageAsync($"/surveys/{original.Id}");

        var edit = await coordinator.SubmitAndFollowAsync(page, "#copy-form");
        using var again = await coordinator.SubmitAsync(page, "#copy-form");

        Assert.EndsWith("/edit", new Uri(edit.Url).AbsolutePath, StringComparison.Ordinal);
        var copyId = int.Parse(new Uri(edit.Url).AbsolutePath.Split('/')[2], CultureInfo.InvariantCulture);
        Assert.NotEqual(original.Id, copyId);
        Assert.Equal(Survey.CopyMarker + original.Title, edit.QuerySelector("#Input_Title")?.GetAttribute("value"));
        Assert.Contains("複製しました", edit.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Surveys.CountAsync(s => s.Title == Survey.CopyMarker + original.Title)));
        var copy = await factory.QueryAsync(db => db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options).SingleAsync(s => s.Id == copyId));
        Assert.Equal(SurveyStatus.Draft, copy.Status);
        Assert.Equal((original.OpensOn.AddYears(1), original.ClosesOn.AddYears(1)), (copy.OpensOn, copy.ClosesOn));
        Assert.Equal((original.TargetCount, original.IsAnonymous, original.Method, original.AudienceKind), (copy.TargetCount, copy.IsAnonymous, copy.Method, copy.AudienceKind));
        Assert.Equal(original.Questions.OrderBy(q => q.Number).Select(q => q.ToDraft().ToString()), copy.Questions.OrderBy(q => q.Number).Select(q => q.ToDraft().ToString()));
        Assert.Empty(copy.Questions.Select(q => q.Id).Intersect(original.Questions.Select(q => q.Id)));
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == copyId)));

        // Independent: removing the copy's first question leaves the original as it was.
        var copyPage = await coordinator.GetPageAsync($"/surveys/{copyId}");
        await coordinator.SubmitAndFollowAsync(copyPage, "#question-1 form");
        Assert.Equal(6, await factory.QueryAsync(db => db.Set<SurveyQuestion>().CountAsync(q => q.SurveyId == copyId)));
        Assert.Equal(7, await factory.QueryAsync(db => db.Set<SurveyQuestion>().CountAsync(q => q.SurveyId == original.Id)));
        Assert.Equal(Seed001Survey.Questions[0].Draft.Text, (await factory.QueryAsync(db => db.Set<SurveyQuestion>().SingleAsync(q => q.SurveyId == original.Id && q.Number == 1))).Text);
    }

    [Fact]
    public async Task Only_the_office_copies_a_survey()
    {
        var original = await SurveyScenario.Seed001Async(factory);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        using var member = await factory.SignedInAsync(KyodoRoles.CommitteeMember);
        var page = await coordinator.GetPageAsync($"/surveys/{original.Id}");

        using var refused = await member.PostWithTokenAsync(await member.GetPageAsync("/my-surveys"), $"/surveys/{original.Id}/copy");
        using var missing = await coordinator.PostWithTokenAsync(page, "/surveys/999999/copy");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Surveys.CountAsync(s => s.Title == Survey.CopyMarker + original.Title)));
    }

    [Fact]
    public async Task The_survey_lists_are_paged_20_a_page_and_searched_by_title()
    {
        var prefix = "頁送り確認" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= 21; i++)
        {
            await SurveyScenario.Seed001Async(factory, suffix: $"{prefix}{i:00}");
        }

        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        using var member = await factory.SignedInAsync(KyodoRoles.CommitteeMember);
        var search = Uri.EscapeDataString(prefix);

        var first = await coordinator.GetPageAsync($"/surveys?q={search}&sort=title&dir=asc");
        var second = await coordinator.GetPageAsync($"/surveys?q={search}&sort=title&dir=asc&page=2");
        var mineSecond = await member.GetPageAsync($"/my-surveys?q={search}&page=2");
        var none = await coordinator.GetPageAsync("/surveys?q=" + Uri.EscapeDataString("存在しない題名"));

        Assert.Equal(20, first.QuerySelectorAll("#surveys tbody tr").Length);
        Assert.Equal($"{Seed001Survey.Title}{prefix}01", first.QuerySelector("#surveys tbody td:first-child a")?.TextContent);
        Assert.Equal([$"{Seed001Survey.Title}{prefix}21"], second.Texts("#surveys tbody td:first-child a"));
        Assert.NotNull(second.QuerySelector(".pagination a[rel=prev]"));
        // A person's list: latest closing first, then the newest: the first one made is the 21st.
        Assert.Equal([$"{Seed001Survey.Title}{prefix}01"], mineSecond.Texts("#my-surveys a"));
        Assert.NotNull(none.QuerySelector(".no-matches"));
        Assert.Null(none.QuerySelector("#surveys"));
    }

    [Fact]
    public async Task With_no_surveys_the_lists_say_so()
    {
        using var fresh = new KyodoWebFactory();
        using var coordinator = await fresh.SignedInAsync(KyodoRoles.Coordinator);
        using var member = await fresh.SignedInAsync(KyodoRoles.CommitteeMember);

        var office = await coordinator.GetPageAsync("/surveys");
        var mine = await member.GetPageAsync("/my-surveys");

        Assert.NotNull(office.QuerySelector("#no-surveys"));
        Assert.Null(office.QuerySelector("#surveys"));
        Assert.NotNull(mine.QuerySelector("#no-surveys"));
        Assert.Null(mine.QuerySelector(".pagination"));
    }
}
