using KyodoPortal.Domain.Projects;
using static KyodoPortal.Tests.Domain.Builders.ProjectBuilder;

namespace KyodoPortal.Tests.Domain.Projects;

/// <summary>Who is which party of a project with a 三者協定: the one rule every permission asks.</summary>
public class ProjectPartyTests
{
    private const int CoSigningDepartmentId = 9;
    private const string CoSigningDepartmentName = "産業振興課";
    private const string CompanyName = "株式会社かまくら";

    [Fact]
    public void The_proposing_group_is_the_group_and_every_other_party_of_the_agreement_is_only_itself()
    {
        var project = ThreePartyProject();

        Assert.Equal(ProjectParty.Group, project.PartyOfGroup(ProposalBuilder.GroupId));
        Assert.Equal(ProjectParty.Other(LecturerGroupName), project.PartyOfGroup(LecturerGroupId));
        Assert.Null(project.PartyOfGroup(99));
        Assert.Equal(ProjectParty.Department, project.PartyOfDepartment(ProposalBuilder.DepartmentId));
        Assert.Equal(ProjectParty.Other(CoSigningDepartmentName), project.PartyOfDepartment(CoSigningDepartmentId));
        Assert.Null(project.PartyOfDepartment(99));
        Assert.Equal(
            [ProjectPartyKind.Group, ProjectPartyKind.Department, ProjectPartyKind.OtherParty, ProjectPartyKind.OtherParty, ProjectPartyKind.OtherParty],
            project.Agreement!.Parties.Select(party => project.PartyOf(party).Kind));
        Assert.False(project.PartyOfGroup(LecturerGroupId)!.IsPrincipal);
    }

    [Fact]
    public void Before_the_agreement_only_the_proposing_group_and_the_partner_department_are_parties()
    {
        var project = PreparingProject(out _, out _);

        Assert.Equal(ProjectParty.Group, project.PartyOfGroup(ProposalBuilder.GroupId));
        Assert.Equal(ProjectParty.Department, project.PartyOfDepartment(ProposalBuilder.DepartmentId));
        Assert.Null(project.PartyOfGroup(LecturerGroupId));
    }

    private static Project ThreePartyProject()
    {
        var project = PreparingProject(out var proposal, out var call);
        var draft = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName);
        project.DraftAgreement(
            draft with
            {
                Parties =
                [
                    .. draft.Parties,
                    new AgreementPartyDraft(AgreementPartyKind.CitizenGroup, LecturerGroupId, null, LecturerGroupName, Role: "セミナー講師と企業紹介"),
                    new AgreementPartyDraft(AgreementPartyKind.Department, null, CoSigningDepartmentId, CoSigningDepartmentName),
                    new AgreementPartyDraft(AgreementPartyKind.Other, null, null, CompanyName),
                ],
            },
            call.MaxTermYears,
            ProjectCreatedAt);
        return project;
    }
}
