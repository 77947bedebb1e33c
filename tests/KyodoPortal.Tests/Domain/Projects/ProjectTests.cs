using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Tests.Domain.Projects;

public class ProjectTests
{
    private static readonly DateTime Now = ProposalBuilder.AfterWindow.AddDays(30);

    [Fact]
    public void A_selected_proposal_becomes_a_project_in_preparation_with_the_proposal_as_baseline()
    {
        var call = new ProposalBuilder().BuildCall();
        var proposal = ProposalBuilder.InState(call, ProposalStatus.Selected);

        var project = Project.FromSelectedProposal(proposal, call, Now);

        Assert.Equal(proposal.Id, project.ProposalId);
        Assert.Equal(call.Id, project.CallId);
        Assert.Equal("就労支援セミナー事業", project.Title);
        Assert.Equal(ProposalBuilder.GroupId, project.ProposingGroupId);
        Assert.Equal(ProposalBuilder.DepartmentId, project.PartnerDepartmentId);
        Assert.Equal(ProposalBuilder.CallFiscalYear, project.StartFiscalYear);
        Assert.Equal(ProposalBuilder.CallFiscalYear + 1, project.EndFiscalYear);
        Assert.Equal(2, project.TermYears);
        Assert.Equal(ProjectStatus.Preparing, project.Status);
        Assert.Equal(Now, project.CreatedAtUtc);
        Assert.Equal(0, project.Version);
    }

    [Theory]
    [InlineData(ProposalStatus.Draft)]
    [InlineData(ProposalStatus.Submitted)]
    [InlineData(ProposalStatus.UnderScreening)]
    [InlineData(ProposalStatus.NotSelected)]
    [InlineData(ProposalStatus.Withdrawn)]
    public void Only_a_selected_proposal_becomes_a_project(ProposalStatus status)
    {
        var call = new ProposalBuilder().BuildCall();
        var proposal = ProposalBuilder.InState(call, status);

        var refused = Assert.Throws<DomainRuleException>(() => Project.FromSelectedProposal(proposal, call, Now));
        Assert.Equal("採択された提案からだけ協働事業を作成できます。", refused.Message);
    }

    [Fact]
    public void The_time_must_be_utc()
    {
        var call = new ProposalBuilder().BuildCall();
        var proposal = ProposalBuilder.InState(call, ProposalStatus.Selected);

        Assert.ThrowsAny<ArgumentException>(() => Project.FromSelectedProposal(proposal, call, DateTime.SpecifyKind(Now, DateTimeKind.Local)));
    }
}
