using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using static KyodoPortal.Tests.Domain.Builders.MeetingBuilder;

namespace KyodoPortal.Tests.Domain.Meetings;

public class ReportMeetingTests
{
    [Fact]
    public void A_meeting_is_scheduled_with_its_details()
    {
        var meeting = ReportMeeting.Schedule(Details with { Name = "  " + MeetingName + " ", Venue = " " }, CoordinatorUser, ScheduledAt);

        Assert.Equal(MeetingName, meeting.Name);
        Assert.Equal(HeldOn, meeting.HeldOn);
        Assert.Equal(new TimeOnly(13, 30), meeting.StartsAt);
        Assert.Equal(new TimeOnly(16, 30), meeting.EndsAt);
        Assert.Null(meeting.Venue);
        Assert.Equal(2017, meeting.ReportedFiscalYear);
        Assert.True(meeting.IsPublic);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal(CoordinatorUser, meeting.CreatedByUserId);
        Assert.Equal(ScheduledAt, meeting.CreatedAtUtc);
        Assert.Equal(ScheduledAt, meeting.UpdatedAtUtc);
        Assert.Empty(meeting.Agenda);
        Assert.Empty(meeting.Attendees);
    }

    [Fact]
    public void A_meeting_needs_a_name_an_end_after_its_start_and_a_year_that_is_not_after_it()
    {
        var noName = Assert.Throws<DomainRuleException>(() => ReportMeeting.Schedule(Details with { Name = " " }, CoordinatorUser, ScheduledAt));
        var endBeforeStart = Assert.Throws<DomainRuleException>(() => ReportMeeting.Schedule(Details with { EndsAt = new TimeOnly(13, 30) }, CoordinatorUser, ScheduledAt));
        var endWithoutStart = Assert.Throws<DomainRuleException>(() => ReportMeeting.Schedule(Details with { StartsAt = null }, CoordinatorUser, ScheduledAt));
        var futureYear = Assert.Throws<DomainRuleException>(() => ReportMeeting.Schedule(Details with { ReportedFiscalYear = 2019 }, CoordinatorUser, ScheduledAt));

        Assert.Equal("報告会の名称を入力してください。", noName.Message);
        Assert.Equal("終了時刻は開始時刻より後にしてください。", endBeforeStart.Message);
        Assert.Equal("終了時刻を入力するときは開始時刻も入力してください。", endWithoutStart.Message);
        Assert.Equal("報告対象の年度（令和元年度）が開催日より後の年度です。", futureYear.Message);
        Assert.Throws<ArgumentException>(() => ReportMeeting.Schedule(Details with { Name = new string('会', ReportMeeting.NameMaxLength + 1) }, CoordinatorUser, ScheduledAt));
        Assert.Throws<ArgumentException>(() => ReportMeeting.Schedule(Details with { Venue = new string('会', ReportMeeting.VenueMaxLength + 1) }, CoordinatorUser, ScheduledAt));
        Assert.Throws<ArgumentException>(() => ReportMeeting.Schedule(Details, CoordinatorUser, DateTime.SpecifyKind(ScheduledAt, DateTimeKind.Local)));
    }

    [Fact]
    public void Start_and_end_times_are_optional()
    {
        var meeting = ReportMeeting.Schedule(Details with { StartsAt = null, EndsAt = null }, CoordinatorUser, ScheduledAt);

        Assert.Null(meeting.StartsAt);
        Assert.Null(meeting.EndsAt);
    }

    [Fact]
    public void Updating_changes_the_details_with_the_same_rules()
    {
        var meeting = ScheduledMeeting();
        var later = ScheduledAt.AddDays(3);

        meeting.Update(Details with { Venue = "鎌倉生涯学習センター", IsPublic = false }, later);
        var refused = Assert.Throws<DomainRuleException>(() => meeting.Update(Details with { EndsAt = new TimeOnly(12, 0) }, later.AddDays(1)));

        Assert.Equal("鎌倉生涯学習センター", meeting.Venue);
        Assert.False(meeting.IsPublic);
        Assert.Equal(later, meeting.UpdatedAtUtc);
        Assert.Equal("終了時刻は開始時刻より後にしてください。", refused.Message);
        Assert.Equal(new TimeOnly(16, 30), meeting.EndsAt);
    }

    [Fact]
    public void The_agenda_follows_the_list_order_and_keeps_the_items_of_projects_still_on_it()
    {
        var meeting = ScheduledMeeting();
        var seedItem = meeting.Agenda.Single(item => item.ProjectId == SeedProjectId);

        meeting.SetAgenda([Seed with { PartiesText = Parties + "／講師の団体" }, new AgendaItemDraft(OtherProjectId, "子育てひろば", null)], ScheduledAt.AddDays(1));

        Assert.Equal([(SeedProjectId, 1), (OtherProjectId, 2)], meeting.Agenda.Select(item => (item.ProjectId, item.Order)));
        Assert.Same(seedItem, meeting.Agenda[0]);
        Assert.Equal(Parties + "／講師の団体", seedItem.PartiesText);
        Assert.Equal(ProjectTitle, seedItem.ProjectTitle);
        Assert.Equal(ProjectKind, seedItem.ProjectKindLabel);
        Assert.False(meeting.HasOnAgenda(LibraryProjectId));
        Assert.True(meeting.HasOnAgenda(OtherProjectId));
    }

    [Fact]
    public void A_project_is_on_the_agenda_only_once()
    {
        var meeting = ScheduledMeeting();

        var refused = Assert.Throws<DomainRuleException>(() => meeting.SetAgenda([Seed, Library, Seed with { ProjectTitle = "別名" }], ScheduledAt.AddDays(1)));

        Assert.Equal($"議題に同じ協働事業が重複しています（{ProjectTitle}）。", refused.Message);
        Assert.Equal([LibraryProjectId, SeedProjectId], meeting.Agenda.Select(item => item.ProjectId));
    }

    [Fact]
    public void An_agenda_item_needs_a_project_and_its_title()
    {
        var meeting = ScheduledMeeting();

        Assert.Throws<ArgumentException>(() => meeting.SetAgenda([Seed with { ProjectTitle = " " }], ScheduledAt));
        Assert.Throws<ArgumentOutOfRangeException>(() => meeting.SetAgenda([Seed with { ProjectId = 0 }], ScheduledAt));
    }

    [Fact]
    public void Committee_members_present_are_listed_once_each_in_order()
    {
        var meeting = ScheduledMeeting();

        meeting.SetAttendees([MemberB, "committee-3"], ScheduledAt.AddDays(1));
        var refused = Assert.Throws<DomainRuleException>(() => meeting.SetAttendees([MemberA, MemberA], ScheduledAt.AddDays(2)));

        Assert.Equal([(MemberB, 1), ("committee-3", 2)], meeting.Attendees.Select(attendee => (attendee.UserId, attendee.Order)));
        Assert.True(meeting.IsAttendee(MemberB));
        Assert.False(meeting.IsAttendee(MemberA));
        Assert.Equal("出席委員が重複しています。", refused.Message);
    }

    [Fact]
    public void A_meeting_is_held_on_or_after_its_day_in_Japan()
    {
        var meeting = ScheduledMeeting();

        var early = Assert.Throws<DomainRuleException>(() => meeting.MarkHeld(new DateTime(2018, 6, 22, 14, 59, 0, DateTimeKind.Utc)));
        meeting.MarkHeld(new DateTime(2018, 6, 22, 15, 0, 0, DateTimeKind.Utc));
        var again = Assert.Throws<DomainRuleException>(() => meeting.MarkHeld(HeldAt));

        Assert.Equal("開催日より前に開催済みにはできません。", early.Message);
        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Equal(new DateTime(2018, 6, 22, 15, 0, 0, DateTimeKind.Utc), meeting.HeldRecordedAtUtc);
        Assert.Equal("この報告会はすでに「開催済み」です。", again.Message);
    }
}
