using KyodoPortal.Domain.Meetings;
using static KyodoPortal.Tests.Domain.Builders.MeetingBuilder;

namespace KyodoPortal.Tests.Domain.Meetings;

public class MinutesPrintTests
{
    [Fact]
    public void The_seed_000_exchanges_print_as_the_city_printed_them()
    {
        var meeting = HeldMeeting();
        meeting.SetAgenda([Seed], Writing);
        var minutes = DraftMinutes(meeting);
        var first = minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question1, AskerKind.CommitteeMember, MemberA, MemberAName), Writing);
        minutes.AddAnswer(first.Number, Department(Answer1), Writing);
        var second = minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question2, AskerKind.Floor), Writing);
        minutes.AddAnswer(second.Number, Department(Answer2), Writing);

        var document = MinutesPrint.Compose(meeting, minutes);

        Assert.Equal(
            """
            平成30年度協働事業報告会（29年度事業実施分） 質疑応答

            「働くまち鎌倉推進 ～キャリアのセカンドステップ～」（市民活動団体提案協働事業）
            （かまくら主婦’ｓネットワーク／商工課）
            Ｑ 主婦を対象として来年度も活動を継続するのか。国の方針は主婦に限らずシングルマザーやニートや高齢者の就労を勧めている。
            また、セミナーは1年がかりでの内容設定になっている為、経済的猶予と時間的猶予がある方でなければセミナーを通しての就労は難しいだろう。この点はどうお考えか。
            Ａ （商工課）勤労者福祉担当では、女性・就労に困難がある若者・一般の方を対象に就労支援を行なっている。高齢者の就労支援は高齢者いきいき課で、障害をお持ちの方の就労支援は障害福祉課で行っている。高齢者と障害者の就労支援は勤労者福祉担当とも連携して取り組んでいる。平成28年度には、市単独での女性就労支援として一般の方と同様の就職セミナーを実施した。結果は良いとは言えず、参加者は一桁だった。そうした状況において、団体が主婦による主婦の為の就職講座をご提案下さったので、一緒に取り組むこととなった。そうした経緯により、女性の就労に特化した支援をお願いしている。
            Ｑ 女性とは即ち主婦なのか。
            Ａ （商工課）特に主婦に限定していない。団体のホームページからも申し込みが出来るが、連絡先として市の商工課も広報に掲載しているので、市には主婦以外の女性から申し込みいただいている。
            """.ReplaceLineEndings("\n"),
            document.ToPlainText());
        Assert.Equal(
            [(MinutesLineKind.Question, 1, (string?)"山田委員"), (MinutesLineKind.Answer, 1, null), (MinutesLineKind.Question, 2, "会場"), (MinutesLineKind.Answer, 2, null)],
            document.Sections.Single().Lines.Select(line => (line.Kind, line.RowNumber, line.Asker)));
    }

    [Fact]
    public void Sections_follow_the_agenda_order_with_every_row_and_answer_in_order()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);
        var remark = minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, "団体のホームページを見る方は元から活動に興味のある方だろう。", AskerKind.Other, AskerName: "司会"), Writing);
        minutes.MoveRow(remark.Number, 1, Writing);
        minutes.AddAnswer(3, new QaAnswerDraft(AnswerParty.Department, "商工課", "課長", "30年度には商工課として予算を工面している。"), Writing);

        var document = MinutesPrint.Compose(meeting, minutes);

        Assert.Equal([LibraryProjectId, SeedProjectId], document.Sections.Select(section => section.ProjectId));
        Assert.Equal("「図書館とともだち」（市民活動団体提案協働事業）", document.Sections[0].ToPlainText());
        Assert.Equal("「働くまち鎌倉推進 ～キャリアのセカンドステップ～」（市民活動団体提案協働事業）", document.Sections[1].Heading);
        Assert.Equal("（かまくら主婦’ｓネットワーク／商工課）", document.Sections[1].PartiesLine);
        Assert.Equal(
            [
                "Ｑ 団体のホームページを見る方は元から活動に興味のある方だろう。",
                "Ｑ " + Question1,
                "Ａ （商工課）" + Answer1,
                "Ｑ " + Question2,
                "Ａ （商工課）" + Answer2,
                "Ｑ " + Question4,
                "Ａ （団体代表）" + Answer4,
                "Ａ （商工課課長）30年度には商工課として予算を工面している。",
            ],
            document.Sections[1].Lines.Select(line => line.Text));
        Assert.Equal("司会", document.Sections[1].Lines[0].Asker);
        Assert.Equal(1, document.VersionNumber);
        Assert.Null(document.CorrectionReason);
    }

    [Fact]
    public void Exchanges_of_a_project_taken_off_the_agenda_are_still_printed()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);
        meeting.SetAgenda([Library], Writing);

        var document = MinutesPrint.Compose(meeting, minutes);

        Assert.Equal([LibraryProjectId, SeedProjectId], document.Sections.Select(section => section.ProjectId));
        Assert.Equal(MinutesPrint.OffAgendaHeading, document.Sections[1].Heading);
        Assert.Equal(6, document.Sections[1].Lines.Count);
    }

    [Fact]
    public void The_document_opens_with_the_meetings_header_naming_the_members_present_as_committee_members()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);
        var names = new Dictionary<string, string> { [MemberA] = "山田太郎", [MemberB] = "佐藤花子" };

        var header = MinutesPrint.Compose(meeting, minutes, names, MinutesAudience.Office).Header;

        Assert.Equal(MeetingName, header.MeetingName);
        Assert.Equal("平成29年度", header.ReportedFiscalYear.ToJapaneseLabel());
        Assert.Equal((HeldOn, new TimeOnly(13, 30), new TimeOnly(16, 30), "鎌倉市役所 第3会議室"), (header.HeldOn, header.StartsAt!.Value, header.EndsAt!.Value, header.Venue));
        Assert.Equal([new MinutesAttendee("山田太郎", "委員"), new MinutesAttendee("佐藤花子", "委員")], header.Attendees);
    }

    [Fact]
    public void The_public_reads_committee_members_names_of_a_public_meeting_only_and_never_a_private_persons()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);
        minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, "会場からの質問。", AskerKind.Floor, AskerName: "鎌倉一郎"), Writing);
        minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, "司会からの補足。", AskerKind.Other, AskerName: "鎌倉花子"), Writing);
        var names = new Dictionary<string, string> { [MemberA] = "山田太郎", [MemberB] = "佐藤花子" };

        var office = MinutesPrint.Compose(meeting, minutes, names, MinutesAudience.Office);
        var open = MinutesPrint.Compose(meeting, minutes, names, MinutesAudience.Public);
        meeting.Update(meeting.ToDetails() with { IsPublic = false }, Writing);
        var closed = MinutesPrint.Compose(meeting, minutes, names, MinutesAudience.Public);

        Assert.Equal(["山田委員", "佐藤委員", "山田委員", "会場（鎌倉一郎）", "鎌倉花子"], Askers(office));
        Assert.Equal(["山田委員", "佐藤委員", "山田委員", "会場", "その他"], Askers(open));
        Assert.Equal(["委員", "委員", "委員", "会場", "その他"], Askers(closed));
        Assert.Equal(["山田太郎", "佐藤花子"], open.Header.Attendees.Select(a => a.Name));
        Assert.Equal([null, null], closed.Header.Attendees.Select(a => a.Name));
    }

    private static List<string?> Askers(MinutesDocument document) =>
        [.. document.Sections.Single(s => s.ProjectId == SeedProjectId).Lines.Where(l => l.Kind == MinutesLineKind.Question).Select(l => l.Asker)];
}
