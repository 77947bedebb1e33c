using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// Report meetings and their minutes: every July the city holds its 報告会 on last fiscal year's
/// projects, forty projects a meeting; committee members ask, the department and the group
/// answer, some exchanges get a follow-up. Minutes are published; the latest ones are still being
/// circulated or drafted, and meetings not yet held have no minutes.
/// </summary>
internal sealed class MinutesGenerator(GenerationSession session)
{
    private const int ProjectsPerMeeting = 40;

    public async Task RunAsync(IReadOnlyList<ReportedYear> reported)
    {
        foreach (var year in reported.GroupBy(r => r.FiscalYear).OrderBy(g => g.Key))
        {
            await using var unit = session.Begin();
            var meetings = new List<(ReportMeeting Meeting, IReadOnlyList<ReportedYear> Agenda)>();
            var chunks = year.OrderBy(r => r.ProjectId).Chunk(ProjectsPerMeeting).ToList();
            for (var n = 0; n < chunks.Count; n++)
            {
                var heldOn = new DateOnly(year.Key + 1, 7, 10).AddDays(7 * (n % 10)).AddDays(n / 10);
                var label = $"{FiscalYear.Of(heldOn).ToJapaneseLabel()}協働事業報告会（{new FiscalYear(year.Key).ToJapaneseLabel()}事業実施分）第{n + 1}回";
                var planned = GenerationSession.At(heldOn.AddDays(-40));
                var meeting = ReportMeeting.Schedule(new ReportMeetingDetails(label, heldOn, new TimeOnly(13, 30), new TimeOnly(16, 30), session.Text.Venue(), year.Key, IsPublic: true), session.People.Coordinator, planned);
                meeting.SetAgenda([.. chunks[n].Select(r => new AgendaItemDraft(r.ProjectId, r.Title, r.Parties, "協働事業"))], planned);
                var attendees = session.Random.Shuffle(session.People.Committee).Take(3).ToList();
                meeting.SetAttendees([.. attendees.Select(a => a.Id)], planned);
                if (session.IsPast(heldOn))
                {
                    meeting.MarkHeld(GenerationSession.At(heldOn, 8));
                    meetings.Add((meeting, chunks[n]));
                }

                unit.Db.ReportMeetings.Add(meeting);
            }

            await unit.SaveAsync();

            foreach (var (meeting, agenda) in meetings)
            {
                unit.Db.Minutes.Add(Write(meeting, agenda));
            }

            await unit.SaveAsync();
        }
    }

    private Minutes Write(ReportMeeting meeting, IReadOnlyList<ReportedYear> agenda)
    {
        var random = session.Random;
        var text = session.Text;
        var coordinator = session.People.Coordinator;
        var heldOn = meeting.HeldOn;
        var at = GenerationSession.At(heldOn.AddDays(2));
        var askers = session.People.Committee.Where(c => meeting.IsAttendee(c.Id)).ToList();
        var minutes = Minutes.Start(meeting, coordinator, at);
        foreach (var item in agenda)
        {
            var rows = random.Int(4, 7);
            for (var i = 0; i < rows; i++)
            {
                var asker = random.ListItem(askers);
                var row = minutes.AddRow(meeting, new QaRowDraft(item.ProjectId, text.Question(), AskerKind.CommitteeMember, asker.Id, asker.Name), at);
                var roll = random.Double();
                if (roll < 0.45)
                {
                    minutes.AddAnswer(row.Number, new QaAnswerDraft(AnswerParty.Department, item.DepartmentName, "担当", text.DepartmentAnswer()), at);
                }
                else if (roll < 0.9)
                {
                    minutes.AddAnswer(row.Number, new QaAnswerDraft(AnswerParty.Group, item.GroupName, "代表", text.GroupAnswer()), at);
                }
                else
                {
                    minutes.SetFollowUp(row.Number, new FollowUpDraft("市の広報紙で次回の開催を周知する", item.DepartmentName, heldOn.AddDays(60)), at);
                }
            }
        }

        var circulated = heldOn.AddDays(7);
        var published = heldOn.AddDays(30);
        if (session.IsPast(circulated))
        {
            minutes.Circulate(MinutesActor.Coordinator, coordinator, GenerationSession.At(circulated));
        }

        if (session.IsPast(published))
        {
            minutes.Approve(MinutesActor.Coordinator, coordinator, GenerationSession.At(published.AddDays(-2)));
            minutes.Publish(MinutesActor.Coordinator, coordinator, GenerationSession.At(published));
        }

        return minutes;
    }
}
