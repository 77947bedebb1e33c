using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Tests.Domain.Meetings;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Support.Scenarios;

/// <summary>A 報告会 held today on the scenario's project, and its minutes with seed 000's exchanges, stored through the domain.</summary>
internal sealed record HeldMeeting(int Id, string Name, string MemberId, string MemberName, string MemberEmail)
{
    public string MinutesUrl => $"/meetings/{Id}/minutes";
}

internal static class MeetingScenario
{
    public const string LecturerQuestion = "セミナーで紹介した企業には、どのように協力を依頼したのか。";
    public const string LecturerAnswer = "講師の人脈で、子育て中の社員がいる企業に声をかけた。";
    public const string CoSigningAnswer = "市内企業には産業振興課の企業向け通信でも周知した。";

    public static DateOnly JapanToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    /// <summary>A held meeting with the scenario's project on the agenda and one committee member present.</summary>
    public static async Task<HeldMeeting> HeldMeetingAsync(ProjectScenario s)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var email = $"iin-{suffix}@example.jp";
        var member = await s.Factory.CreateUserAsync(email, [KyodoRoles.CommitteeMember], null, null);
        var now = DateTime.UtcNow;
        var meeting = ReportMeeting.Schedule(new ReportMeetingDetails("令和7年度協働事業報告会" + suffix, JapanToday, new TimeOnly(13, 30), new TimeOnly(16, 0), "市役所 第3会議室", s.FirstYear, IsPublic: true), "seed", now);
        meeting.SetAgenda([new AgendaItemDraft(s.Project.Id, s.Project.Title, $"{s.Group.Name}／{s.Department.Name}")], now);
        meeting.SetAttendees([member.Id], now);
        meeting.MarkHeld(now);
        await s.Factory.AddAsync(meeting);
        return new HeldMeeting(meeting.Id, meeting.Name, member.Id, member.DisplayName, email);
    }

    /// <summary>
    /// Draft minutes with three of seed 000's exchanges: two answered by the department (its
    /// name as the party), the KPI one by the group (団体, 代表) with a follow-up. When the agreement
    /// names third parties (<see cref="ProjectScenario.LecturerGroup"/>), a fourth exchange answered
    /// by the lecturer's group (answer 4) and by the co-signing department (answer 5).
    /// </summary>
    public static Task<Minutes> SeedMinutesAsync(ProjectScenario s, HeldMeeting held) =>
        ChangeAsync(s, held, (meeting, _) =>
        {
            var now = DateTime.UtcNow;
            var minutes = Minutes.Start(meeting, "seed", now);
            var first = minutes.AddRow(meeting, new QaRowDraft(s.Project.Id, MeetingBuilder.Question1, AskerKind.CommitteeMember, held.MemberId, held.MemberName), now);
            minutes.AddAnswer(first.Number, new QaAnswerDraft(AnswerParty.Department, s.Department.Name, "課長", MeetingBuilder.Answer1), now);
            var second = minutes.AddRow(meeting, new QaRowDraft(s.Project.Id, MeetingBuilder.Question2, AskerKind.Floor), now);
            minutes.AddAnswer(second.Number, new QaAnswerDraft(AnswerParty.Department, s.Department.Name, null, MeetingBuilder.Answer2), now);
            var kpi = minutes.AddRow(meeting, new QaRowDraft(s.Project.Id, MeetingBuilder.Question4, AskerKind.CommitteeMember, held.MemberId, held.MemberName), now);
            minutes.AddAnswer(kpi.Number, new QaAnswerDraft(AnswerParty.Group, "団体", "代表", MeetingBuilder.Answer4), now);
            minutes.SetFollowUp(kpi.Number, new FollowUpDraft("就労人員をKPIに加えるか検討する", "団体・商工課", JapanToday.AddDays(30)), now);
            if (s.LecturerGroup is { } lecturer && s.CoSigningDepartment is { } coSigning)
            {
                var companies = minutes.AddRow(meeting, new QaRowDraft(s.Project.Id, LecturerQuestion, AskerKind.Floor), now);
                minutes.AddAnswer(companies.Number, new QaAnswerDraft(AnswerParty.OtherParty, lecturer.Name, "講師", LecturerAnswer), now);
                minutes.AddAnswer(companies.Number, new QaAnswerDraft(AnswerParty.OtherParty, coSigning.Name, null, CoSigningAnswer), now);
            }

            return minutes;
        });

    /// <summary>Runs the workflow on the stored minutes (e.g. circulate, approve, publish) as the coordinator.</summary>
    public static Task AdvanceAsync(ProjectScenario s, HeldMeeting held, params MinutesStatus[] steps) =>
        ChangeAsync(s, held, (_, minutes) =>
        {
            foreach (var step in steps)
            {
                var now = DateTime.UtcNow;
                switch (step)
                {
                    case MinutesStatus.Circulated: minutes!.Circulate(MinutesActor.Coordinator, "seed", now); break;
                    case MinutesStatus.Approved: minutes!.Approve(MinutesActor.Coordinator, "seed", now); break;
                    case MinutesStatus.Published: minutes!.Publish(MinutesActor.Coordinator, "seed", now); break;
                    default: minutes!.ReturnToDraft(MinutesActor.Coordinator, "seed", null, now); break;
                }
            }

            return null;
        });

    public static Task<List<Minutes>> VersionsAsync(ProjectScenario s, HeldMeeting held) =>
        s.Factory.QueryAsync(db => db.Minutes.AsNoTracking().AsSplitQuery().Where(m => m.MeetingId == held.Id).OrderBy(m => m.VersionNumber).ToListAsync());

    /// <summary>Loads the meeting and the latest minutes tracked; a returned new minutes is added; saves.</summary>
    private static async Task<Minutes> ChangeAsync(ProjectScenario s, HeldMeeting held, Func<ReportMeeting, Minutes?, Minutes?> change)
    {
        await using var scope = s.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var meeting = await db.ReportMeetings.AsSplitQuery().SingleAsync(m => m.Id == held.Id);
        var minutes = await db.Minutes.AsSplitQuery().Where(m => m.MeetingId == held.Id).OrderByDescending(m => m.VersionNumber).FirstOrDefaultAsync();
        var added = change(meeting, minutes);
        if (added is not null)
        {
            db.Minutes.Add(added);
        }

        await db.SaveChangesAsync();
        return added ?? minutes!;
    }
}
