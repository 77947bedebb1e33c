using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Tests.Domain.Screening;

public class ScreeningPanelTests
{
    private const string Member = "member-a";
    private const int ProposalId = 11;

    [Fact]
    public void A_new_panel_is_open_with_its_settings()
    {
        var panel = ScreeningBuilder.Panel([Member], minimumSheets: 3, passingScoreTenths: 600);

        Assert.Equal(ScreeningPanelStatus.Open, panel.Status);
        Assert.Equal(3, panel.MinimumSheets);
        Assert.Equal(600, panel.PassingScoreTenths);
        Assert.Equal(Score.FromInteger(60), panel.PassingScore);
        Assert.Equal([Member], panel.Members.Select(member => member.MemberUserId));
    }

    [Fact]
    public void A_panel_needs_a_call_whose_screening_has_started()
    {
        var call = new Call("令和7年度 協働事業提案制度", ProposalType.GroupProposal, 2025, ScreeningBuilder.OpensAtUtc, ScreeningBuilder.ClosesAtUtc, 600_000, 300_000, 3, null);

        var error = Assert.Throws<DomainRuleException>(() =>
            new ScreeningPanel(call, OtherSheetsVisibility.AfterOwnSubmission, 1, null, ScreeningBuilder.Now));

        Assert.Equal("募集の審査を開始してから審査会を設定してください。", error.Message);
    }

    [Fact]
    public void The_minimum_sheets_is_at_least_one_and_the_passing_score_within_zero_to_one_hundred()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        Assert.Throws<DomainRuleException>(() => panel.UpdateSettings(OtherSheetsVisibility.AfterOwnSubmission, 0, null, ScreeningBuilder.Now));
        Assert.Throws<DomainRuleException>(() => panel.UpdateSettings(OtherSheetsVisibility.AfterOwnSubmission, 1, 1001, ScreeningBuilder.Now));
        Assert.Throws<DomainRuleException>(() => panel.UpdateSettings(OtherSheetsVisibility.AfterOwnSubmission, 1, -1, ScreeningBuilder.Now));
        panel.UpdateSettings(OtherSheetsVisibility.AfterScreeningCloses, 2, 1000, ScreeningBuilder.Now);
        Assert.Equal(OtherSheetsVisibility.AfterScreeningCloses, panel.OtherSheetsVisibility);
        Assert.Equal(1000, panel.PassingScoreTenths);
    }

    [Fact]
    public void A_member_is_assigned_once_and_only_assigned_members_can_be_removed()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        Assert.Equal("この委員はすでに審査委員に割り当てられています。", Assert.Throws<DomainRuleException>(() => panel.AddMember(Member, ScreeningBuilder.Now)).Message);
        Assert.Equal("この委員は審査委員に割り当てられていません。", Assert.Throws<DomainRuleException>(() => panel.RemoveMember("member-z", ScreeningBuilder.Now)).Message);
        panel.RemoveMember(Member, ScreeningBuilder.Now);
        Assert.Empty(panel.Members);
    }

    [Fact]
    public void A_sheet_cannot_be_opened_before_the_member_declares_on_conflicts_of_interest()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        var error = Assert.Throws<DomainRuleException>(() => panel.OpenSheet(Member, ProposalId, ScreeningBuilder.Now));

        Assert.Equal("利益相反の有無を申告してから評価票を開いてください。", error.Message);
        Assert.False(panel.HasDeclared(Member, ProposalId));
        Assert.False(panel.CanScore(Member, ProposalId));
    }

    [Fact]
    public void Declaring_no_conflict_lets_the_member_score()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        panel.Declare(Member, ProposalId, hasConflict: false, null, ScreeningBuilder.Now);

        Assert.True(panel.HasDeclared(Member, ProposalId));
        Assert.False(panel.IsRecused(Member, ProposalId));
        Assert.True(panel.CanScore(Member, ProposalId));
        Assert.False(panel.CanScore(Member, 99));
        Assert.Equal(ProposalId, panel.OpenSheet(Member, ProposalId, ScreeningBuilder.Now).ProposalId);
    }

    [Fact]
    public void A_declared_conflict_needs_a_reason()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        var error = Assert.Throws<DomainRuleException>(() => panel.Declare(Member, ProposalId, hasConflict: true, "  ", ScreeningBuilder.Now));

        Assert.Equal("利益相反がある場合は、その理由を入力してください。", error.Message);
        Assert.False(panel.HasDeclared(Member, ProposalId));
    }

    [Fact]
    public void A_conflict_reason_longer_than_allowed_is_refused()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        Assert.Throws<ArgumentException>(() =>
            panel.Declare(Member, ProposalId, hasConflict: true, new string('あ', ConflictDeclaration.ReasonMaxLength + 1), ScreeningBuilder.Now));
    }

    [Fact]
    public void A_member_who_declares_a_conflict_is_recused_and_cannot_open_the_sheet()
    {
        var panel = ScreeningBuilder.Panel([Member, "member-b"]);

        panel.Declare(Member, ProposalId, hasConflict: true, "提案団体の理事を務めているため。", ScreeningBuilder.Now);

        var declaration = panel.DeclarationOf(Member, ProposalId)!;
        Assert.True(declaration.HasConflict);
        Assert.Equal("提案団体の理事を務めているため。", declaration.Reason);
        Assert.Equal(Member, declaration.DeclaredByUserId);
        Assert.False(declaration.IsCoordinatorRecusal);
        Assert.True(panel.IsRecused(Member, ProposalId));
        Assert.False(panel.CanScore(Member, ProposalId));
        Assert.Equal(["member-b"], panel.ExpectedMembers(ProposalId));
        var error = Assert.Throws<DomainRuleException>(() => panel.OpenSheet(Member, ProposalId, ScreeningBuilder.Now));
        Assert.Equal("利益相反によりこの提案の審査から除外されているため、採点できません。", error.Message);
    }

    [Fact]
    public void A_declared_conflict_cannot_be_withdrawn_but_no_conflict_can_become_one()
    {
        var panel = ScreeningBuilder.Panel([Member]);
        panel.Declare(Member, ProposalId, hasConflict: false, null, ScreeningBuilder.Now);

        panel.Declare(Member, ProposalId, hasConflict: true, "審査中に利害関係が生じたため。", ScreeningBuilder.Later);
        var error = Assert.Throws<DomainRuleException>(() => panel.Declare(Member, ProposalId, hasConflict: false, null, ScreeningBuilder.Later));

        Assert.Equal("利益相反ありとされた提案の申告は変更できません。", error.Message);
        Assert.True(panel.IsRecused(Member, ProposalId));
        Assert.Equal(ScreeningBuilder.Later, panel.DeclarationOf(Member, ProposalId)!.DeclaredAtUtc);
        Assert.Single(panel.Declarations);
    }

    [Fact]
    public void Only_assigned_members_can_declare()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        var error = Assert.Throws<DomainRuleException>(() => panel.Declare("member-z", ProposalId, hasConflict: false, null, ScreeningBuilder.Now));

        Assert.Equal("審査委員に割り当てられていないため、利益相反を申告できません。", error.Message);
    }

    [Fact]
    public void The_coordinator_recusal_is_recorded_with_who_when_and_why()
    {
        var panel = ScreeningBuilder.Panel([Member]);
        panel.Declare(Member, ProposalId, hasConflict: false, null, ScreeningBuilder.Now);

        panel.Recuse(Member, ProposalId, "提案団体との業務委託関係が判明したため。", ScreeningBuilder.Coordinator, ScreeningBuilder.Later);

        var declaration = panel.DeclarationOf(Member, ProposalId)!;
        Assert.True(declaration.HasConflict);
        Assert.True(declaration.IsCoordinatorRecusal);
        Assert.Equal(Member, declaration.MemberUserId);
        Assert.Equal(ScreeningBuilder.Coordinator, declaration.DeclaredByUserId);
        Assert.Equal(ScreeningBuilder.Later, declaration.DeclaredAtUtc);
        Assert.Equal("提案団体との業務委託関係が判明したため。", declaration.Reason);
        Assert.True(panel.IsRecused(Member, ProposalId));
        Assert.False(panel.CanScore(Member, ProposalId));
    }

    [Fact]
    public void The_coordinator_can_recuse_a_member_who_has_not_declared_yet()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        panel.Recuse(Member, ProposalId, "提案団体の代表者の親族であるため。", ScreeningBuilder.Coordinator, ScreeningBuilder.Now);

        Assert.True(panel.HasDeclared(Member, ProposalId));
        Assert.True(panel.IsRecused(Member, ProposalId));
    }

    [Fact]
    public void A_recusal_needs_a_reason_an_assigned_member_and_happens_once()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        Assert.Equal(
            "委員を除外する理由を入力してください。",
            Assert.Throws<DomainRuleException>(() => panel.Recuse(Member, ProposalId, " ", ScreeningBuilder.Coordinator, ScreeningBuilder.Now)).Message);
        Assert.Equal(
            "この委員は審査委員に割り当てられていません。",
            Assert.Throws<DomainRuleException>(() => panel.Recuse("member-z", ProposalId, "理由。", ScreeningBuilder.Coordinator, ScreeningBuilder.Now)).Message);
        panel.Recuse(Member, ProposalId, "理由。", ScreeningBuilder.Coordinator, ScreeningBuilder.Now);
        Assert.Equal(
            "この委員はすでにこの提案の審査から除外されています。",
            Assert.Throws<DomainRuleException>(() => panel.Recuse(Member, ProposalId, "理由。", ScreeningBuilder.Coordinator, ScreeningBuilder.Now)).Message);
    }

    [Fact]
    public void Closing_records_the_time_and_a_closed_panel_cannot_close_again()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        panel.Close(ScreeningBuilder.Later);
        var error = Assert.Throws<DomainRuleException>(() => panel.Close(ScreeningBuilder.Later));

        Assert.Equal(ScreeningPanelStatus.Closed, panel.Status);
        Assert.Equal(ScreeningBuilder.Later, panel.ClosedAtUtc);
        Assert.Equal("この審査はすでに「審査終了」です。", error.Message);
    }

    [Fact]
    public void A_closed_panel_refuses_declarations_recusals_members_settings_and_new_sheets()
    {
        var panel = ScreeningBuilder.Panel([Member, "member-b"]);
        panel.Declare("member-b", ProposalId, hasConflict: false, null, ScreeningBuilder.Now);
        panel.Close(ScreeningBuilder.Later);

        Assert.Equal("審査終了後は利益相反を申告できません。", Assert.Throws<DomainRuleException>(() => panel.Declare(Member, ProposalId, false, null, ScreeningBuilder.Later)).Message);
        Assert.Equal("審査終了後は審査委員を除外できません。", Assert.Throws<DomainRuleException>(() => panel.Recuse(Member, ProposalId, "理由。", ScreeningBuilder.Coordinator, ScreeningBuilder.Later)).Message);
        Assert.Equal("審査終了後は審査委員を変更できません。", Assert.Throws<DomainRuleException>(() => panel.AddMember("member-c", ScreeningBuilder.Later)).Message);
        Assert.Equal("審査終了後は審査委員を変更できません。", Assert.Throws<DomainRuleException>(() => panel.RemoveMember(Member, ScreeningBuilder.Later)).Message);
        Assert.Throws<DomainRuleException>(() => panel.UpdateSettings(OtherSheetsVisibility.AfterOwnSubmission, 1, null, ScreeningBuilder.Later));
        Assert.Equal("審査が終了しているため、採点できません。", Assert.Throws<DomainRuleException>(() => panel.OpenSheet("member-b", ProposalId, ScreeningBuilder.Later)).Message);
        Assert.False(panel.CanScore("member-b", ProposalId));
    }

    [Fact]
    public void With_visibility_after_own_submission_a_member_sees_the_others_once_their_sheet_is_submitted()
    {
        var panel = ScreeningBuilder.Panel([Member, "member-b"], visibility: OtherSheetsVisibility.AfterOwnSubmission);
        panel.Declare("member-b", ProposalId, hasConflict: true, "理由。", ScreeningBuilder.Now);

        Assert.False(panel.CanSeeOtherSheets(Member, ProposalId, ownSheetSubmitted: false));
        Assert.True(panel.CanSeeOtherSheets(Member, ProposalId, ownSheetSubmitted: true));
        Assert.False(panel.CanSeeOtherSheets("member-b", ProposalId, ownSheetSubmitted: true));
        Assert.False(panel.CanSeeOtherSheets("member-z", ProposalId, ownSheetSubmitted: true));
    }

    [Fact]
    public void With_visibility_after_screening_closes_nobody_sees_the_others_until_it_closes()
    {
        var panel = ScreeningBuilder.Panel([Member, "member-b"], visibility: OtherSheetsVisibility.AfterScreeningCloses);
        panel.Declare("member-b", ProposalId, hasConflict: true, "理由。", ScreeningBuilder.Now);

        Assert.False(panel.CanSeeOtherSheets(Member, ProposalId, ownSheetSubmitted: true));
        panel.Close(ScreeningBuilder.Later);
        Assert.True(panel.CanSeeOtherSheets(Member, ProposalId, ownSheetSubmitted: false));
        Assert.False(panel.CanSeeOtherSheets("member-b", ProposalId, ownSheetSubmitted: false));
    }

    [Fact]
    public void The_panel_refuses_local_times()
    {
        var panel = ScreeningBuilder.Panel([Member]);

        Assert.Throws<ArgumentException>(() => panel.Close(new DateTime(2024, 12, 10, 10, 0, 0, DateTimeKind.Local)));
    }
}
