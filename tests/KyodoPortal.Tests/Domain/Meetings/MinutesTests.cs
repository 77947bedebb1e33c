using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Projects;
using static KyodoPortal.Tests.Domain.Builders.MeetingBuilder;

namespace KyodoPortal.Tests.Domain.Meetings;

public class MinutesTests
{
    [Fact]
    public void Minutes_start_as_draft_version_1_once_the_meeting_was_held()
    {
        var scheduled = ScheduledMeeting();
        var refused = Assert.Throws<DomainRuleException>(() => Minutes.Start(scheduled, CoordinatorUser, Writing));
        var minutes = DraftMinutes(HeldMeeting());

        Assert.Equal("「予定」の報告会の議事録は作成できません。開催後に作成してください。", refused.Message);
        Assert.Equal(MeetingId, minutes.MeetingId);
        Assert.Equal(1, minutes.VersionNumber);
        Assert.Null(minutes.CorrectionOfMinutesId);
        Assert.Null(minutes.CorrectionReason);
        Assert.Equal(MinutesStatus.Draft, minutes.Status);
        Assert.True(minutes.IsEditable);
        Assert.Empty(minutes.Rows);
        Assert.Empty(minutes.History);
    }

    [Fact]
    public void Rows_are_numbered_across_the_minutes_and_ordered_within_their_agenda_item()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);

        var library = minutes.AddRow(meeting, new QaRowDraft(LibraryProjectId, "利用者は何名増えたか。", AskerKind.Floor), Writing);

        Assert.Equal([(1, SeedProjectId, 1), (2, SeedProjectId, 2), (3, SeedProjectId, 3), (4, LibraryProjectId, 1)], minutes.Rows.Select(row => (row.Number, row.AgendaProjectId, row.Order)));
        Assert.Equal([library], minutes.RowsFor(LibraryProjectId));
        Assert.Equal(AskerKind.Floor, library.AskerKind);
        Assert.Null(library.AskerUserId);
        Assert.Equal((AskerKind.CommitteeMember, MemberA, MemberAName), (minutes.Row(1).AskerKind, minutes.Row(1).AskerUserId, minutes.Row(1).AskerName));
    }

    [Fact]
    public void A_row_belongs_to_an_agenda_item_and_a_committee_asker_was_present()
    {
        var meeting = HeldMeeting();
        var minutes = DraftMinutes(meeting);

        var offAgenda = Assert.Throws<DomainRuleException>(() => minutes.AddRow(meeting, new QaRowDraft(OtherProjectId, Question2, AskerKind.Floor), Writing));
        var absent = Assert.Throws<DomainRuleException>(() => minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question2, AskerKind.CommitteeMember, "committee-9", "鈴木"), Writing));
        var noMember = Assert.Throws<DomainRuleException>(() => minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question2, AskerKind.CommitteeMember), Writing));
        var unnamed = Assert.Throws<DomainRuleException>(() => minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question2, AskerKind.Other), Writing));
        var noQuestion = Assert.Throws<DomainRuleException>(() => minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, " ", AskerKind.Floor), Writing));

        Assert.Equal("報告会の議題にない協働事業には質疑応答を追加できません。", offAgenda.Message);
        Assert.Equal("鈴木委員は報告会の出席委員ではありません。", absent.Message);
        Assert.Equal("質問した委員を選択してください。", noMember.Message);
        Assert.Equal("質問者の名前を入力してください。", unnamed.Message);
        Assert.Equal("質問を入力してください。", noQuestion.Message);
        Assert.Throws<ArgumentException>(() => minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question2, AskerKind.Floor, MemberA, "山田"), Writing));
        Assert.Throws<ArgumentException>(() => minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, new string('問', QaRow.QuestionMaxLength + 1), AskerKind.Floor), Writing));
        Assert.Throws<ArgumentException>(() => minutes.AddRow(ScheduledMeetingWithOtherId(), new QaRowDraft(SeedProjectId, Question2, AskerKind.Floor), Writing));
        Assert.Empty(minutes.Rows);
        Assert.Equal(0, minutes.LastRowNumber);
    }

    [Fact]
    public void Moving_a_row_reorders_only_its_agenda_item()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);
        minutes.AddRow(meeting, new QaRowDraft(LibraryProjectId, "利用者は何名増えたか。", AskerKind.Floor), Writing);

        minutes.MoveRow(3, 1, Writing);
        Assert.Equal([3, 1, 2], minutes.RowsFor(SeedProjectId).Select(row => row.Number));

        minutes.MoveRow(3, MoveDirection.Down, Writing);
        Assert.Equal([1, 3, 2], minutes.RowsFor(SeedProjectId).Select(row => row.Number));
        Assert.Equal([1, 2, 3], minutes.RowsFor(SeedProjectId).Select(row => row.Order));
        Assert.Equal(1, minutes.Row(4).Order);

        var beyond = Assert.Throws<DomainRuleException>(() => minutes.MoveRow(4, MoveDirection.Down, Writing));
        var top = Assert.Throws<DomainRuleException>(() => minutes.MoveRow(1, MoveDirection.Up, Writing));
        Assert.Equal("質疑応答の位置は1から1の間で指定してください。", beyond.Message);
        Assert.Equal("質疑応答の位置は1から3の間で指定してください。", top.Message);
    }

    [Fact]
    public void Removing_or_moving_a_row_to_another_item_closes_the_gap()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);
        minutes.AddRow(meeting, new QaRowDraft(LibraryProjectId, "利用者は何名増えたか。", AskerKind.Floor), Writing);

        minutes.UpdateRow(meeting, 1, new QaRowDraft(LibraryProjectId, Question1, AskerKind.CommitteeMember, MemberA, MemberAName), Writing);
        Assert.Equal([(2, 1), (3, 2)], minutes.RowsFor(SeedProjectId).Select(row => (row.Number, row.Order)));
        Assert.Equal([(4, 1), (1, 2)], minutes.RowsFor(LibraryProjectId).Select(row => (row.Number, row.Order)));

        minutes.RemoveRow(2, Writing);
        Assert.Equal([(3, 1)], minutes.RowsFor(SeedProjectId).Select(row => (row.Number, row.Order)));

        var added = minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question2, AskerKind.Floor), Writing);
        Assert.Equal(5, added.Number);
        Assert.Throws<DomainRuleException>(() => minutes.Row(2));
    }

    [Fact]
    public void Answers_keep_their_party_and_order_within_the_row()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);

        var group = minutes.AddAnswer(1, new QaAnswerDraft(AnswerParty.Group, "団体", "代表", "主婦に限らず受け入れている。"), Writing);
        var lecturer = minutes.AddAnswer(1, new QaAnswerDraft(AnswerParty.OtherParty, "講師の団体", null, "企業紹介は講師の団体が行う。"), Writing);
        minutes.UpdateAnswer(group.Number, new QaAnswerDraft(AnswerParty.Group, "団体", "事務局長", "主婦以外の女性も受け入れている。"), Writing);
        minutes.RemoveAnswer(1, Writing);

        var row = minutes.Row(1);
        Assert.Equal(
            [(group.Number, AnswerParty.Group, "団体", (string?)"事務局長", "主婦以外の女性も受け入れている。", 1), (lecturer.Number, AnswerParty.OtherParty, "講師の団体", null, "企業紹介は講師の団体が行う。", 2)],
            row.Answers.Select(answer => (answer.Number, answer.Party, answer.PartyName, answer.SpeakerRole, answer.Text, answer.Order)));
        Assert.Equal([4, 5], row.Answers.Select(answer => answer.Number));
        Assert.Equal(AnswerParty.Department, minutes.Answer(2).Party);
        Assert.Equal(AnswerParty.Group, minutes.Answer(3).Party);

        var noParty = Assert.Throws<DomainRuleException>(() => minutes.AddAnswer(1, new QaAnswerDraft(AnswerParty.Department, " ", null, "回答"), Writing));
        var noText = Assert.Throws<DomainRuleException>(() => minutes.AddAnswer(1, Department(" "), Writing));
        Assert.Equal("回答者（担当課名・団体名など）を入力してください。", noParty.Message);
        Assert.Equal("回答を入力してください。", noText.Message);
        Assert.Throws<ArgumentException>(() => minutes.AddAnswer(1, Department(new string('答', QaAnswer.TextMaxLength + 1)), Writing));
        Assert.Throws<DomainRuleException>(() => minutes.Answer(1));
    }

    [Fact]
    public void A_follow_up_is_open_until_done_even_after_publication()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);
        minutes.SetFollowUp(3, new FollowUpDraft("就労人員以外の成果指標を検討する", "団体・商工課", new DateOnly(2018, 12, 28)), Writing);
        Publish(minutes);

        var followUp = minutes.Row(3).FollowUp!;
        Assert.True(followUp.IsOpen);
        Assert.False(followUp.IsOverdueOn(new DateOnly(2018, 12, 28)));
        Assert.True(followUp.IsOverdueOn(new DateOnly(2018, 12, 29)));

        var future = Assert.Throws<DomainRuleException>(() => minutes.MarkFollowUpDone(3, new DateOnly(2019, 1, 10), CoordinatorUser, new DateTime(2019, 1, 9, 1, 0, 0, DateTimeKind.Utc)));
        minutes.MarkFollowUpDone(3, new DateOnly(2019, 1, 10), CoordinatorUser, new DateTime(2019, 1, 10, 1, 0, 0, DateTimeKind.Utc));
        var twice = Assert.Throws<DomainRuleException>(() => minutes.MarkFollowUpDone(3, new DateOnly(2019, 1, 11), CoordinatorUser, new DateTime(2019, 1, 11, 1, 0, 0, DateTimeKind.Utc)));
        var none = Assert.Throws<DomainRuleException>(() => minutes.MarkFollowUpDone(1, new DateOnly(2019, 1, 10), CoordinatorUser, new DateTime(2019, 1, 10, 1, 0, 0, DateTimeKind.Utc)));

        Assert.Equal("完了日に未来の日付は指定できません。", future.Message);
        Assert.False(followUp.IsOpen);
        Assert.False(followUp.IsOverdueOn(new DateOnly(2019, 2, 1)));
        Assert.Equal(new DateOnly(2019, 1, 10), followUp.DoneOn);
        Assert.Equal(CoordinatorUser, followUp.DoneByUserId);
        Assert.Equal(MinutesStatus.Published, minutes.Status);
        Assert.Equal("この対応事項はすでに完了しています。", twice.Message);
        Assert.Equal("この質疑応答には対応事項がありません。", none.Message);
    }

    [Fact]
    public void A_follow_up_needs_what_to_do_and_can_be_cleared_while_drafting()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);

        var refused = Assert.Throws<DomainRuleException>(() => minutes.SetFollowUp(1, new FollowUpDraft(" ", "商工課", null), Writing));
        minutes.SetFollowUp(1, new FollowUpDraft("市の広報紙で周知する", "商工課", null), Writing);
        minutes.ClearFollowUp(1, Writing);

        Assert.Equal("対応事項の内容を入力してください。", refused.Message);
        Assert.Null(minutes.Row(1).FollowUp);
    }

    [Fact]
    public void Published_minutes_are_read_only()
    {
        var minutes = PublishedMinutes(out var meeting);
        var draft = new QaRowDraft(SeedProjectId, Question2, AskerKind.Floor);
        Action[] edits =
        [
            () => minutes.AddRow(meeting, draft, Correcting),
            () => minutes.UpdateRow(meeting, 1, draft, Correcting),
            () => minutes.RemoveRow(1, Correcting),
            () => minutes.MoveRow(1, 2, Correcting),
            () => minutes.AddAnswer(1, Department("追記"), Correcting),
            () => minutes.UpdateAnswer(1, Department("修正"), Correcting),
            () => minutes.RemoveAnswer(1, Correcting),
            () => minutes.SetFollowUp(1, new FollowUpDraft("周知する", null, null), Correcting),
            () => minutes.ClearFollowUp(1, Correcting),
            () => minutes.ReturnToDraft(MinutesActor.Coordinator, CoordinatorUser, null, Correcting),
            () => minutes.SuggestCorrection(1, "修正", ProjectParty.Department, SeedProjectId, DepartmentUser, Correcting),
        ];

        foreach (var edit in edits)
        {
            Assert.Equal(Minutes.PublishedMessage, Assert.Throws<DomainRuleException>(edit).Message);
        }

        Assert.Equal("公開された議事録は変更できません。訂正は新しい版として作成してください。", Minutes.PublishedMessage);
        Assert.Equal(Answer1, minutes.Answer(1).Text);
        Assert.Equal(3, minutes.Rows.Count);
    }

    [Fact]
    public void Circulated_minutes_are_taken_back_to_draft_before_editing()
    {
        var minutes = CirculatedMinutes(out var meeting);

        var refused = Assert.Throws<DomainRuleException>(() => minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question2, AskerKind.Floor), Checking));
        minutes.ReturnToDraft(MinutesActor.Coordinator, CoordinatorUser, "質問者を追記する", Checking);
        minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, Question2, AskerKind.Floor), Checking);

        Assert.Equal("「確認中」の議事録は編集できません。下書きに戻してから編集してください。", refused.Message);
        Assert.Equal(4, minutes.Rows.Count);
    }

    [Fact]
    public void A_correction_is_the_next_version_with_the_reason_and_the_published_version_stays()
    {
        var meeting = HeldMeeting();
        var published = SeedMinutes(meeting);
        published.SetFollowUp(3, new FollowUpDraft("成果指標を検討する", "団体", null), Writing);
        Publish(published);

        var notPublished = Assert.Throws<DomainRuleException>(() => CirculatedMinutes(out _).StartCorrection("誤字", CoordinatorUser, Correcting));
        var noReason = Assert.Throws<DomainRuleException>(() => published.StartCorrection(" ", CoordinatorUser, Correcting));
        var correction = published.StartCorrection("商工課の回答の誤記を訂正する。", CoordinatorUser, Correcting);
        correction.UpdateAnswer(2, Department(Answer2 + "（訂正）"), Correcting);
        var added = correction.AddRow(meeting, new QaRowDraft(SeedProjectId, "追加の質問", AskerKind.Floor), Correcting);

        Assert.Equal("「確認中」の議事録は訂正版を作成せずに編集してください。訂正版は公開された議事録にだけ作成できます。", notPublished.Message);
        Assert.Equal("訂正の理由を入力してください。", noReason.Message);
        Assert.Equal(MeetingId, correction.MeetingId);
        Assert.Equal(2, correction.VersionNumber);
        Assert.Equal(MinutesId, correction.CorrectionOfMinutesId);
        Assert.Equal("商工課の回答の誤記を訂正する。", correction.CorrectionReason);
        Assert.Equal(MinutesStatus.Draft, correction.Status);
        Assert.Equal(Correcting, correction.CreatedAtUtc);
        Assert.Empty(correction.History);
        Assert.Empty(correction.Suggestions);
        Assert.Equal(4, added.Number);
        Assert.Equal(
            published.Rows.Select(row => (row.Number, row.AgendaProjectId, row.Order, row.Question, row.AskerUserId)),
            correction.Rows.Take(3).Select(row => (row.Number, row.AgendaProjectId, row.Order, row.Question, row.AskerUserId)));
        Assert.Equal("団体", correction.Answer(3).PartyName);
        Assert.Equal("代表", correction.Answer(3).SpeakerRole);
        Assert.Equal("成果指標を検討する", correction.Row(3).FollowUp!.What);
        Assert.NotSame(published.Row(3).FollowUp, correction.Row(3).FollowUp);
        Assert.NotSame(published.Answer(2), correction.Answer(2));
        Assert.Equal(Answer2 + "（訂正）", correction.Answer(2).Text);

        Assert.Equal(MinutesStatus.Published, published.Status);
        Assert.Equal(1, published.VersionNumber);
        Assert.Equal(Answer2, published.Answer(2).Text);
        Assert.Equal(3, published.Rows.Count);
    }

    private static ReportMeeting ScheduledMeetingWithOtherId() =>
        ProjectBuilder.WithId(ReportMeeting.Schedule(Details, CoordinatorUser, ScheduledAt), MeetingId + 1);
}
