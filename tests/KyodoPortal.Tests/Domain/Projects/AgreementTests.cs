using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using static KyodoPortal.Tests.Domain.Builders.ProjectBuilder;

namespace KyodoPortal.Tests.Domain.Projects;

public class AgreementTests
{
    private static readonly AgreementPartyDraft Group = new(AgreementPartyKind.CitizenGroup, ProposalBuilder.GroupId, null, GroupName, "代表 山田花子", "セミナーの企画・運営");
    private static readonly AgreementPartyDraft Department = new(AgreementPartyKind.Department, null, ProposalBuilder.DepartmentId, DepartmentName, "鎌倉市長", "広報と会場の確保");
    private static readonly AgreementPartyDraft LecturerGroup = new(AgreementPartyKind.CitizenGroup, LecturerGroupId, null, LecturerGroupName, null, "セミナー講師と企業紹介");

    [Fact]
    public void A_draft_from_the_proposal_has_the_group_the_department_the_term_the_role_split_and_the_city_share()
    {
        var (_, proposal) = SelectedProposal();

        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName);

        Assert.Collection(
            draft.Parties,
            group => Assert.Equal(new AgreementPartyDraft(AgreementPartyKind.CitizenGroup, ProposalBuilder.GroupId, null, GroupName), group),
            department => Assert.Equal(new AgreementPartyDraft(AgreementPartyKind.Department, null, ProposalBuilder.DepartmentId, DepartmentName), department));
        Assert.Equal(FirstYear, draft.StartFiscalYear);
        Assert.Equal(SecondYear, draft.EndFiscalYear);
        var role = Assert.Single(draft.RoleSplits);
        Assert.Equal("広報", role.Task);
        Assert.Equal(["チラシ作成とSNS発信", "広報紙への掲載"], role.PartyRoles);
        Assert.Equal(600_000, draft.CityShareTotal);
        Assert.Equal("市負担金: 令和7年度 300,000円、令和8年度 300,000円", draft.CostShareNote);
        Assert.Equal("セミナーと職場体験を通じて就労と定着を支援する。", draft.Purpose);
    }

    [Fact]
    public void The_seed_000_agreement_has_three_parties_and_signing_it_starts_the_project()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { Parties = [Group, Department, LecturerGroup] };

        project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt);
        project.SignAgreement(SignedOn, CoordinatorUser, SignedAt);

        var agreement = project.Agreement!;
        Assert.Equal([GroupName, DepartmentName, LecturerGroupName], agreement.Parties.Select(party => party.Name));
        Assert.Equal([1, 2, 3], agreement.Parties.Select(party => party.SortOrder));
        Assert.Equal(LecturerGroupId, agreement.Parties[2].CitizenGroupId);
        Assert.Equal("セミナー講師と企業紹介", agreement.Parties[2].Role);
        Assert.Equal("代表 山田花子", agreement.Parties[0].Representative);
        Assert.True(agreement.IsSigned);
        Assert.Equal(SignedOn, agreement.SignedOn);
        Assert.Equal(CoordinatorUser, agreement.SignedByUserId);
        Assert.Equal(SignedAt, agreement.SignedAtUtc);
        Assert.Equal(ProjectStatus.InProgress, project.Status);
    }

    [Fact]
    public void A_party_outside_the_directory_is_named_only()
    {
        var project = PreparingProject(out var proposal, out var call);
        var company = new AgreementPartyDraft(AgreementPartyKind.Other, null, null, "株式会社かまくらワーク");
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { Parties = [Group, Department, company] };

        project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt);

        var other = project.Agreement!.Parties[2];
        Assert.Equal(AgreementPartyKind.Other, other.Kind);
        Assert.Null(other.CitizenGroupId);
        Assert.Null(other.DepartmentId);
    }

    [Fact]
    public void Signing_gives_the_project_the_agreed_term()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { EndFiscalYear = FirstYear + 2 };

        project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt);
        Assert.Equal(SecondYear, project.EndFiscalYear);
        project.SignAgreement(SignedOn, CoordinatorUser, SignedAt);

        Assert.Equal(FirstYear, project.StartFiscalYear);
        Assert.Equal(FirstYear + 2, project.EndFiscalYear);
        Assert.Equal(3, project.TermYears);
        Assert.Equal(3, project.Agreement!.TermYears);
    }

    [Fact]
    public void A_term_longer_than_the_call_allows_is_refused()
    {
        var (call, proposal) = SelectedProposal(maxTermYears: 2);
        var project = Project.FromSelectedProposal(proposal, call, ProjectCreatedAt);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { EndFiscalYear = FirstYear + 2 };

        var refused = Assert.Throws<DomainRuleException>(() => project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt));

        Assert.Equal("協定期間が募集の上限を超えています（3年 / 上限 2年）。", refused.Message);
        Assert.Null(project.Agreement);
    }

    [Fact]
    public void A_call_maximum_above_five_years_is_not_a_valid_argument()
    {
        var project = PreparingProject(out var proposal, out _);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { EndFiscalYear = FirstYear + 5 };

        Assert.Throws<ArgumentOutOfRangeException>(() => project.DraftAgreement(draft, 6, ProjectCreatedAt));
    }

    [Fact]
    public void The_term_cannot_end_before_it_starts()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { EndFiscalYear = FirstYear - 1 };

        var refused = Assert.Throws<DomainRuleException>(() => project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt));

        Assert.Equal("協定期間の終了年度は開始年度以降にしてください。", refused.Message);
    }

    [Fact]
    public void An_agreement_needs_at_least_two_parties()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { Parties = [Department] };

        var refused = Assert.Throws<DomainRuleException>(() => project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt));

        Assert.Equal("協定の当事者を2者以上入力してください。", refused.Message);
    }

    [Fact]
    public void A_city_department_must_be_a_party()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { Parties = [Group, LecturerGroup] };

        var refused = Assert.Throws<DomainRuleException>(() => project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt));

        Assert.Equal("協定の当事者に市の担当課を含めてください。", refused.Message);
    }

    [Fact]
    public void A_group_party_must_name_its_group_and_a_department_party_its_department()
    {
        var project = PreparingProject(out var proposal, out var call);
        var withoutGroup = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName)
            with { Parties = [Group with { CitizenGroupId = null }, Department] };
        var withoutDepartment = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName)
            with { Parties = [Group, Department with { DepartmentId = null }] };

        var noGroup = Assert.Throws<DomainRuleException>(() => project.DraftAgreement(withoutGroup, call.MaxTermYears, ProjectCreatedAt));
        var noDepartment = Assert.Throws<DomainRuleException>(() => project.DraftAgreement(withoutDepartment, call.MaxTermYears, ProjectCreatedAt));

        Assert.Equal($"当事者「{GroupName}」の市民活動団体を選択してください。", noGroup.Message);
        Assert.Equal($"当事者「{DepartmentName}」の担当課を選択してください。", noDepartment.Message);
    }

    [Fact]
    public void The_same_group_cannot_be_a_party_twice()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName)
            with { Parties = [Group, Department, LecturerGroup with { CitizenGroupId = ProposalBuilder.GroupId }] };

        var refused = Assert.Throws<DomainRuleException>(() => project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt));

        Assert.Equal($"当事者「{GroupName}」が重複しています。", refused.Message);
    }

    [Fact]
    public void A_role_split_row_needs_the_role_of_at_least_one_party()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { RoleSplits = [new AgreementRoleSplitDraft("会場", [null, " "])] };

        var refused = Assert.Throws<DomainRuleException>(() => project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt));

        Assert.Equal("役割分担「会場」のいずれかの当事者の役割を入力してください。", refused.Message);
    }

    [Fact]
    public void Each_party_of_a_three_party_agreement_has_its_own_role_in_a_role_split_row()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with
        {
            Parties = [Group, Department, LecturerGroup],
            RoleSplits = [new AgreementRoleSplitDraft("セミナー", ["企画と受付", "会場の確保", "講師の派遣"]), new AgreementRoleSplitDraft("職場体験", [null, null, "受け入れ企業の紹介"])],
        };

        project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt);

        var rows = project.Agreement!.RoleSplits;
        Assert.Equal(["企画と受付", "会場の確保", "講師の派遣"], Enumerable.Range(1, 3).Select(rows[0].RoleOf));
        Assert.Equal([null, null, "受け入れ企業の紹介"], Enumerable.Range(1, 3).Select(rows[1].RoleOf));
        Assert.Equal([3], rows[1].Roles.Select(role => role.PartyNumber));
    }

    [Fact]
    public void A_role_in_a_column_without_a_party_is_refused()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { RoleSplits = [new AgreementRoleSplitDraft("会場", ["受付", null, "講師"])] };

        var refused = Assert.Throws<DomainRuleException>(() => project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt));

        Assert.Equal("役割分担「会場」に、当事者のいない列の役割があります。", refused.Message);
    }

    [Fact]
    public void A_two_column_row_gives_the_group_role_to_the_proposing_group_and_the_city_role_to_the_partner_department()
    {
        var coSigning = new AgreementPartyDraft(AgreementPartyKind.Department, null, 77, "産業振興課");
        var split = new RoleSplitDraft("広報", "チラシ", "広報紙");

        // Wherever they stand among the parties.
        var mapped = AgreementRoleSplitDraft.FromGroupAndCity(split, [coSigning, LecturerGroup, Department, Group], ProposalBuilder.GroupId, ProposalBuilder.DepartmentId);
        Assert.Equal("広報", mapped.Task);
        Assert.Equal([null, null, "広報紙", "チラシ"], mapped.PartyRoles);

        // Neither is a party: the first citizen group and the first department.
        mapped = AgreementRoleSplitDraft.FromGroupAndCity(split, [coSigning, LecturerGroup, Department, Group], 999, 998);
        Assert.Equal(["広報紙", "チラシ", null, null], mapped.PartyRoles);

        // No citizen group at all: the first party that is not a department.
        var company = new AgreementPartyDraft(AgreementPartyKind.Other, null, null, "株式会社かまくらワーク");
        mapped = AgreementRoleSplitDraft.FromGroupAndCity(split, [Department, company], null, ProposalBuilder.DepartmentId);
        Assert.Equal(["広報紙", "チラシ"], mapped.PartyRoles);

        // An empty role stays empty.
        mapped = AgreementRoleSplitDraft.FromGroupAndCity(new RoleSplitDraft("会場", null, "市民会館"), [Group, Department], ProposalBuilder.GroupId, ProposalBuilder.DepartmentId);
        Assert.Equal([null, "市民会館"], mapped.PartyRoles);
    }

    [Fact]
    public void Redrafting_replaces_the_draft_and_a_refused_redraft_keeps_the_old_one()
    {
        var project = PreparingProject(out var proposal, out var call);
        var first = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName);
        project.DraftAgreement(first, call.MaxTermYears, ProjectCreatedAt);

        project.DraftAgreement(first with { Parties = [Group, Department, LecturerGroup], CostShareNote = "印刷は市が負担する。" }, call.MaxTermYears, ProjectCreatedAt.AddDays(1));
        Assert.Throws<DomainRuleException>(() => project.DraftAgreement(first with { Parties = [Group] }, call.MaxTermYears, ProjectCreatedAt.AddDays(2)));

        var agreement = project.Agreement!;
        Assert.Equal(3, agreement.Parties.Count);
        Assert.Equal("印刷は市が負担する。", agreement.CostShareNote);
        Assert.Equal(ProjectCreatedAt, agreement.DraftedAtUtc);
        Assert.Equal(ProjectCreatedAt.AddDays(1), agreement.UpdatedAtUtc);
        Assert.Equal(ProjectStatus.Preparing, project.Status);
    }

    [Fact]
    public void The_draft_round_trips_through_the_form()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName) with { Parties = [Group, Department, LecturerGroup] };
        project.DraftAgreement(draft, call.MaxTermYears, ProjectCreatedAt);

        var again = project.Agreement!.ToDraft();

        Assert.Equal(draft.Parties, again.Parties);
        Assert.Equal(draft.RoleSplits.Select(r => r.Task), again.RoleSplits.Select(r => r.Task));
        Assert.Equal([.. draft.RoleSplits[0].PartyRoles, null], again.RoleSplits[0].PartyRoles);
        Assert.Equal(draft.CityShareTotal, again.CityShareTotal);
        Assert.Equal(draft.CostShareNote, again.CostShareNote);
    }

    [Fact]
    public void A_signed_agreement_cannot_be_redrafted_or_signed_again()
    {
        var project = InProgressProject(out var proposal);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName);

        var redraft = Assert.Throws<DomainRuleException>(() => project.DraftAgreement(draft, 3, SignedAt));
        var signAgain = Assert.Throws<DomainRuleException>(() => project.SignAgreement(SignedOn, CoordinatorUser, SignedAt));

        Assert.Equal("締結済みの協定は変更できません。", redraft.Message);
        Assert.Equal("「実施中」の協働事業の協定は締結できません。", signAgain.Message);
    }

    [Fact]
    public void An_agreement_must_be_drafted_before_it_is_signed()
    {
        var project = PreparingProject(out _, out _);

        var refused = Assert.Throws<DomainRuleException>(() => project.SignAgreement(SignedOn, CoordinatorUser, SignedAt));

        Assert.Equal("協定が作成されていないため、締結できません。", refused.Message);
        Assert.Equal(ProjectStatus.Preparing, project.Status);
    }

    [Fact]
    public void The_signing_date_cannot_be_in_the_future_in_japan()
    {
        var project = PreparingProject(out var proposal, out var call);
        project.DraftAgreement(AgreementDraft.FromProposal(proposal, GroupName, DepartmentName), call.MaxTermYears, ProjectCreatedAt);

        // 2025-03-24T15:00Z is already March 25 in Japan, so signing "today" is fine…
        project.SignAgreement(new DateOnly(2025, 3, 25), CoordinatorUser, new DateTime(2025, 3, 24, 15, 0, 0, DateTimeKind.Utc));
        Assert.Equal(ProjectStatus.InProgress, project.Status);

        // …while a date after today in Japan is refused.
        var other = PreparingProject(out var otherProposal, out _);
        other.DraftAgreement(AgreementDraft.FromProposal(otherProposal, GroupName, DepartmentName), call.MaxTermYears, ProjectCreatedAt);
        var refused = Assert.Throws<DomainRuleException>(() => other.SignAgreement(new DateOnly(2025, 3, 26), CoordinatorUser, new DateTime(2025, 3, 25, 14, 59, 0, DateTimeKind.Utc)));
        Assert.Equal("締結日に未来の日付は指定できません。", refused.Message);
    }
}
