using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Tests.Domain.Screening;

public class ScoreSheetTests
{
    private const string Member = "member-a";
    private const int ProposalId = 11;

    private readonly ScreeningPanel _panel = ScreeningBuilder.Panel([Member]);

    private static IReadOnlyList<RubricCriterion> Rubric => ScreeningBuilder.Rubric;

    [Fact]
    public void A_new_sheet_is_an_empty_draft_for_the_member_and_proposal()
    {
        var sheet = OpenSheet();

        Assert.Equal(ScoreSheetStatus.Draft, sheet.Status);
        Assert.Equal(Member, sheet.MemberUserId);
        Assert.Equal(ProposalId, sheet.ProposalId);
        Assert.Empty(sheet.Entries);
        Assert.Null(sheet.SubmittedAtUtc);
    }

    [Fact]
    public void A_draft_can_be_saved_incomplete_and_rows_with_nothing_entered_are_dropped()
    {
        var sheet = OpenSheet();

        sheet.Save(
            _panel,
            Rubric,
            [new(1, 4, false, "地域課題に直結している。"), new(2, null, false, "予算の根拠を確認したい。"), new(3, null, false, " ")],
            "総じて良い提案。",
            ScreeningBuilder.Later);

        Assert.Equal([1, 2], sheet.Entries.Select(entry => entry.CriterionId));
        Assert.Equal(4, sheet.EntryFor(1)!.Points);
        Assert.Equal("予算の根拠を確認したい。", sheet.EntryFor(2)!.Comment);
        Assert.Equal("総じて良い提案。", sheet.OverallComment);
        Assert.Equal(ScreeningBuilder.Later, sheet.UpdatedAtUtc);
        Assert.Equal(["実現性", "協働の効果"], sheet.MissingCriteria(Rubric).Select(criterion => criterion.Name));
    }

    [Fact]
    public void Not_applicable_without_a_comment_is_refused()
    {
        var sheet = OpenSheet();

        var error = Assert.Throws<DomainRuleException>(() =>
            sheet.Save(_panel, Rubric, [new(3, null, true, null)], null, ScreeningBuilder.Now));

        Assert.Equal("審査基準「協働の効果」を該当なしにする場合は、理由をコメントに入力してください。", error.Message);
    }

    [Fact]
    public void Not_applicable_with_points_is_refused()
    {
        var sheet = OpenSheet();

        var error = Assert.Throws<DomainRuleException>(() =>
            sheet.Save(_panel, Rubric, [new(3, 2, true, "該当しない。")], null, ScreeningBuilder.Now));

        Assert.Equal("審査基準「協働の効果」を該当なしにする場合は、点数を入力しないでください。", error.Message);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(-1)]
    public void Points_outside_zero_to_the_maximum_are_refused(int points)
    {
        var sheet = OpenSheet();

        var error = Assert.Throws<DomainRuleException>(() =>
            sheet.Save(_panel, Rubric, [new(1, points, false, null)], null, ScreeningBuilder.Now));

        Assert.Equal("審査基準「公益性」の点数は0点から5点の間で入力してください。", error.Message);
    }

    [Fact]
    public void Zero_and_the_maximum_are_accepted()
    {
        var sheet = OpenSheet();

        sheet.Save(_panel, Rubric, ScreeningBuilder.Entries(Rubric, 0, 5, 0), null, ScreeningBuilder.Now);

        Assert.Equal([0, 5, 0], sheet.Entries.Select(entry => entry.Points));
    }

    [Fact]
    public void An_entry_for_a_criterion_outside_the_rubric_is_refused()
    {
        var sheet = OpenSheet();

        var error = Assert.Throws<DomainRuleException>(() =>
            sheet.Save(_panel, Rubric, [new(42, 3, false, null)], null, ScreeningBuilder.Now));

        Assert.Equal("評価票に審査基準にない項目が含まれています。", error.Message);
    }

    [Fact]
    public void Two_entries_for_one_criterion_are_refused()
    {
        var sheet = OpenSheet();

        var error = Assert.Throws<DomainRuleException>(() =>
            sheet.Save(_panel, Rubric, [new(1, 3, false, null), new(1, 4, false, null)], null, ScreeningBuilder.Now));

        Assert.Equal("審査基準「公益性」が評価票に重複しています。", error.Message);
    }

    [Fact]
    public void A_refused_save_leaves_the_sheet_as_it_was()
    {
        var sheet = OpenSheet();
        sheet.Save(_panel, Rubric, [new(1, 3, false, null)], "最初の総評。", ScreeningBuilder.Now);

        Assert.Throws<DomainRuleException>(() =>
            sheet.Save(_panel, Rubric, [new(1, 4, false, null), new(2, 9, false, null)], "変更後の総評。", ScreeningBuilder.Later));

        Assert.Equal(3, sheet.EntryFor(1)!.Points);
        Assert.Equal("最初の総評。", sheet.OverallComment);
    }

    [Fact]
    public void Submitting_an_incomplete_sheet_is_refused_and_names_the_missing_criteria()
    {
        var sheet = OpenSheet();
        sheet.Save(_panel, Rubric, [new(1, 3, false, null)], null, ScreeningBuilder.Now);

        var error = Assert.Throws<DomainRuleException>(() => sheet.Submit(_panel, Rubric, ScreeningBuilder.Later));

        Assert.Equal("すべての審査基準に点数を入力するか該当なしにしてから提出してください（未入力: 「実現性」「協働の効果」）。", error.Message);
        Assert.Equal(ScoreSheetStatus.Draft, sheet.Status);
    }

    [Fact]
    public void A_complete_sheet_is_submitted_with_the_time()
    {
        var sheet = OpenSheet();
        sheet.Save(_panel, Rubric, ScreeningBuilder.Entries(Rubric, 5, 4, null), null, ScreeningBuilder.Now);

        sheet.Submit(_panel, Rubric, ScreeningBuilder.Later);

        Assert.Equal(ScoreSheetStatus.Submitted, sheet.Status);
        Assert.Equal(ScreeningBuilder.Later, sheet.SubmittedAtUtc);
    }

    [Fact]
    public void Submitting_twice_is_refused()
    {
        var sheet = ScreeningBuilder.Submitted(_panel, Member, ProposalId, 5, 4, 3);

        var error = Assert.Throws<DomainRuleException>(() => sheet.Submit(_panel, Rubric, ScreeningBuilder.Later));

        Assert.Equal("この評価票はすでに「提出済み」です。", error.Message);
    }

    [Fact]
    public void A_submitted_sheet_stays_editable_and_submitted_while_screening_is_open()
    {
        var sheet = ScreeningBuilder.Submitted(_panel, Member, ProposalId, 5, 4, 3);

        sheet.Save(_panel, Rubric, ScreeningBuilder.Entries(Rubric, 4, 4, 3), "他の委員の意見を踏まえて修正。", ScreeningBuilder.Later);

        Assert.Equal(ScoreSheetStatus.Submitted, sheet.Status);
        Assert.Equal(4, sheet.EntryFor(1)!.Points);
        Assert.Equal(ScreeningBuilder.Now, sheet.SubmittedAtUtc);
        Assert.Equal(ScreeningBuilder.Later, sheet.UpdatedAtUtc);
    }

    [Fact]
    public void A_submitted_sheet_cannot_be_saved_incomplete()
    {
        var sheet = ScreeningBuilder.Submitted(_panel, Member, ProposalId, 5, 4, 3);

        var error = Assert.Throws<DomainRuleException>(() =>
            sheet.Save(_panel, Rubric, [new(1, 4, false, null), new(2, 4, false, null)], null, ScreeningBuilder.Later));

        Assert.Equal("提出済みの評価票では、すべての審査基準に点数を入力するか該当なしにしてください（未入力: 「協働の効果」）。", error.Message);
        Assert.Equal(3, sheet.Entries.Count);
        Assert.Equal(5, sheet.EntryFor(1)!.Points);
    }

    [Fact]
    public void Closing_screening_stops_saving_and_submitting()
    {
        var draft = ScreeningBuilder.Draft(_panel, Member, ProposalId, Rubric, 5, 4, 3);
        _panel.Close(ScreeningBuilder.Later);

        var saveError = Assert.Throws<DomainRuleException>(() =>
            draft.Save(_panel, Rubric, ScreeningBuilder.Entries(Rubric, 1, 1, 1), null, ScreeningBuilder.Later));
        var submitError = Assert.Throws<DomainRuleException>(() => draft.Submit(_panel, Rubric, ScreeningBuilder.Later));

        Assert.Equal("審査が終了しているため、採点できません。", saveError.Message);
        Assert.Equal("審査が終了しているため、採点できません。", submitError.Message);
        Assert.Equal(5, draft.EntryFor(1)!.Points);
        Assert.Equal(ScoreSheetStatus.Draft, draft.Status);
    }

    [Fact]
    public void A_member_recused_after_opening_the_sheet_can_no_longer_save_it()
    {
        var sheet = OpenSheet();
        _panel.Recuse(Member, ProposalId, "提案団体の役員であるため。", ScreeningBuilder.Coordinator, ScreeningBuilder.Later);

        var error = Assert.Throws<DomainRuleException>(() =>
            sheet.Save(_panel, Rubric, ScreeningBuilder.Entries(Rubric, 5, 5, 5), null, ScreeningBuilder.Later));

        Assert.Equal("利益相反によりこの提案の審査から除外されているため、採点できません。", error.Message);
    }

    [Fact]
    public void A_removed_member_can_no_longer_save_their_sheet()
    {
        var sheet = OpenSheet();
        _panel.RemoveMember(Member, ScreeningBuilder.Later);

        var error = Assert.Throws<DomainRuleException>(() =>
            sheet.Save(_panel, Rubric, ScreeningBuilder.Entries(Rubric, 5, 5, 5), null, ScreeningBuilder.Later));

        Assert.Equal("審査委員に割り当てられていないため、この提案を採点できません。", error.Message);
    }

    [Fact]
    public void Comments_longer_than_allowed_are_refused()
    {
        var sheet = OpenSheet();

        Assert.Throws<ArgumentException>(() =>
            sheet.Save(_panel, Rubric, [new(1, 3, false, new string('あ', ScoreEntry.CommentMaxLength + 1))], null, ScreeningBuilder.Now));
        Assert.Throws<ArgumentException>(() =>
            sheet.Save(_panel, Rubric, [], new string('あ', ScoreSheet.OverallCommentMaxLength + 1), ScreeningBuilder.Now));
    }

    private ScoreSheet OpenSheet()
    {
        _panel.Declare(Member, ProposalId, hasConflict: false, null, ScreeningBuilder.Now);
        return _panel.OpenSheet(Member, ProposalId, ScreeningBuilder.Now);
    }
}
