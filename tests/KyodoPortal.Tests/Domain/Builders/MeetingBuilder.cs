using KyodoPortal.Domain.Meetings;
using KyodoPortal.Tests.Domain.Projects;

namespace KyodoPortal.Tests.Domain.Builders;

/// <summary>
/// The seed-000 report meeting (平成30年度協働事業報告会 on 平成29年度 projects) through the real
/// steps: scheduled, agenda (図書館とともだち, then the seed project), committee members present,
/// held, and its minutes with the seed's first exchanges. The seed gives no date: June 23, 2018
/// is made up. Times are UTC.
/// </summary>
internal static class MeetingBuilder
{
    public const int MeetingId = 3;
    public const int MinutesId = 21;
    public const int LibraryProjectId = 10;
    public const int SeedProjectId = 11;
    public const int OtherProjectId = 12;
    public const string LibraryTitle = "図書館とともだち";
    public const string ProjectKind = "市民活動団体提案協働事業";
    public const string CoordinatorUser = "coordinator-1";
    public const string DepartmentUser = "department-staff-1";
    public const string GroupUser = "group-member-1";
    public const string MemberA = "committee-1";
    public const string MemberAName = "山田";
    public const string MemberB = "committee-2";
    public const string MemberBName = "佐藤";
    public const string Question4 = "就職したのが４名というのは多いのか少ないのか。KPIを当初から作らなかったようだが、活動を継続する上でこの点をどう考えるか。";
    public const string Answer4 = "１年活動してみて、就労人員をKPIにするのが妥当かどうかは検討してきたことである。";

    public const string MeetingName = "平成30年度協働事業報告会（29年度事業実施分）";
    public const string ProjectTitle = "働くまち鎌倉推進 ～キャリアのセカンドステップ～";
    public const string Parties = "かまくら主婦’ｓネットワーク／商工課";
    public const string Question1 = "主婦を対象として来年度も活動を継続するのか。国の方針は主婦に限らずシングルマザーやニートや高齢者の就労を勧めている。\nまた、セミナーは1年がかりでの内容設定になっている為、経済的猶予と時間的猶予がある方でなければセミナーを通しての就労は難しいだろう。この点はどうお考えか。";
    public const string Answer1 = "勤労者福祉担当では、女性・就労に困難がある若者・一般の方を対象に就労支援を行なっている。高齢者の就労支援は高齢者いきいき課で、障害をお持ちの方の就労支援は障害福祉課で行っている。高齢者と障害者の就労支援は勤労者福祉担当とも連携して取り組んでいる。平成28年度には、市単独での女性就労支援として一般の方と同様の就職セミナーを実施した。結果は良いとは言えず、参加者は一桁だった。そうした状況において、団体が主婦による主婦の為の就職講座をご提案下さったので、一緒に取り組むこととなった。そうした経緯により、女性の就労に特化した支援をお願いしている。";
    public const string Question2 = "女性とは即ち主婦なのか。";
    public const string Answer2 = "特に主婦に限定していない。団体のホームページからも申し込みが出来るが、連絡先として市の商工課も広報に掲載しているので、市には主婦以外の女性から申し込みいただいている。";

    public static readonly DateOnly HeldOn = new(2018, 6, 23);
    public static readonly DateTime ScheduledAt = new(2018, 4, 20, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime HeldAt = new(2018, 6, 23, 8, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Writing = new(2018, 6, 25, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Checking = new(2018, 7, 2, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Approving = new(2018, 7, 10, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Publishing = new(2018, 7, 12, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Correcting = new(2018, 9, 3, 1, 0, 0, DateTimeKind.Utc);

    public static ReportMeetingDetails Details => new(MeetingName, HeldOn, new TimeOnly(13, 30), new TimeOnly(16, 30), "鎌倉市役所 第3会議室", 2017, IsPublic: true);

    public static AgendaItemDraft Library => new(LibraryProjectId, LibraryTitle, PartiesText: null, ProjectKind);

    public static AgendaItemDraft Seed => new(SeedProjectId, ProjectTitle, Parties, ProjectKind);

    /// <summary>The meeting as the database would hand it back: 予定, with its agenda and the two members present.</summary>
    public static ReportMeeting ScheduledMeeting()
    {
        var meeting = ProjectBuilder.WithId(ReportMeeting.Schedule(Details, CoordinatorUser, ScheduledAt), MeetingId);
        meeting.SetAgenda([Library, Seed], ScheduledAt);
        meeting.SetAttendees([MemberA, MemberB], ScheduledAt);
        return meeting;
    }

    public static ReportMeeting HeldMeeting()
    {
        var meeting = ScheduledMeeting();
        meeting.MarkHeld(HeldAt);
        return meeting;
    }

    public static Minutes DraftMinutes(ReportMeeting meeting) =>
        ProjectBuilder.WithId(Minutes.Start(meeting, CoordinatorUser, Writing), MinutesId);

    /// <summary>
    /// Draft minutes with seed 000's first two exchanges (rows 1, 2; 商工課 answers 1, 2) and the
    /// KPI exchange answered by the group (row 3, answer 3), all under the seed project.
    /// </summary>
    public static Minutes SeedMinutes(ReportMeeting meeting)
    {
        var minutes = DraftMinutes(meeting);
        var first = minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question1, AskerKind.CommitteeMember, MemberA, MemberAName), Writing);
        minutes.AddAnswer(first.Number, Department(Answer1), Writing);
        var second = minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question2, AskerKind.CommitteeMember, MemberB, MemberBName), Writing);
        minutes.AddAnswer(second.Number, Department(Answer2), Writing);
        var kpi = minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question4, AskerKind.CommitteeMember, MemberA, MemberAName), Writing);
        minutes.AddAnswer(kpi.Number, new QaAnswerDraft(AnswerParty.Group, "団体", "代表", Answer4), Writing);
        return minutes;
    }

    public static Minutes CirculatedMinutes(out ReportMeeting meeting)
    {
        meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);
        minutes.Circulate(MinutesActor.Coordinator, CoordinatorUser, Checking);
        return minutes;
    }

    public static Minutes PublishedMinutes(out ReportMeeting meeting)
    {
        meeting = HeldMeeting();
        return Publish(SeedMinutes(meeting));
    }

    /// <summary>Draft minutes circulated, approved and published by the coordinator.</summary>
    public static Minutes Publish(Minutes minutes)
    {
        minutes.Circulate(MinutesActor.Coordinator, CoordinatorUser, Checking);
        minutes.Approve(MinutesActor.Coordinator, CoordinatorUser, Approving);
        minutes.Publish(MinutesActor.Coordinator, CoordinatorUser, Publishing);
        return minutes;
    }

    public static QaAnswerDraft Department(string text) => new(AnswerParty.Department, "商工課", SpeakerRole: null, text);
}
