using KyodoPortal.Domain.Meetings;
using KyodoPortal.Tests.Domain.Meetings;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>A report meeting and its minutes survive a round trip through each database exactly.</summary>
[Trait("Category", "Database")]
public sealed class MeetingPersistenceTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task A_meeting_and_its_minutes_with_rows_answers_and_a_follow_up_reload_as_saved()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated);

        var meeting = await factory.QueryAsync(db => db.ReportMeetings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.Id == held.Id));
        var minutes = Assert.Single(await MeetingScenario.VersionsAsync(s, held));

        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Equal(new TimeOnly(13, 30), meeting.StartsAt);
        Assert.Equal(s.FirstYear, meeting.ReportedFiscalYear);
        var item = Assert.Single(meeting.Agenda);
        Assert.Equal((s.Project.Id, 1, $"{s.Group.Name}／{s.Department.Name}"), (item.ProjectId, item.Order, item.PartiesText));
        Assert.Equal([held.MemberId], meeting.Attendees.Select(a => a.UserId));

        Assert.Equal(MinutesStatus.Circulated, minutes.Status);
        Assert.Equal(1, minutes.VersionNumber);
        Assert.Equal([1, 2, 3], minutes.RowsFor(s.Project.Id).Select(r => r.Number));
        Assert.Equal([MeetingBuilder.Question1, MeetingBuilder.Question2, MeetingBuilder.Question4], minutes.RowsFor(s.Project.Id).Select(r => r.Question));
        Assert.Equal(AskerKind.Floor, minutes.Row(2).AskerKind);
        Assert.Equal(held.MemberName, minutes.Row(1).AskerName);
        var answer = Assert.Single(minutes.Row(1).Answers);
        Assert.Equal((AnswerParty.Department, s.Department.Name, "課長", MeetingBuilder.Answer1), (answer.Party, answer.PartyName, answer.SpeakerRole, answer.Text));
        Assert.Equal(AnswerParty.Group, minutes.Row(3).Answers.Single().Party);
        Assert.Null(minutes.Row(1).FollowUp);
        var followUp = minutes.Row(3).FollowUp!;
        Assert.Equal(("就労人員をKPIに加えるか検討する", "団体・商工課", MeetingScenario.JapanToday.AddDays(30)), (followUp.What, followUp.Who, followUp.DueOn!.Value));
        Assert.True(followUp.IsOpen);
        Assert.Equal((3, 3), (minutes.LastRowNumber, minutes.LastAnswerNumber));
        var change = Assert.Single(minutes.History);
        Assert.Equal((MinutesStatus.Draft, MinutesStatus.Circulated, MinutesActor.Coordinator), (change.From, change.To, change.Actor));
    }

    [Fact]
    public async Task The_same_version_of_a_meeting_s_minutes_cannot_be_stored_twice()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);

        var meeting = await factory.QueryAsync(db => db.ReportMeetings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.Id == held.Id));

        await Assert.ThrowsAsync<DbUpdateException>(() => factory.AddAsync(Minutes.Start(meeting, "seed", DateTime.UtcNow)));
    }
}
