using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// One version of a project's plan. Number 1 is the baseline (当初計画) copied from the selected
/// proposal; each approved <see cref="ChangeRequest"/> adds the next number with the requested
/// content. Versions are never edited, so the baseline stays comparable with the current plan
/// (<see cref="PlanComparison"/>). The current plan is the one with the highest number.
/// </summary>
/// <remarks>
/// Immutable once created, so no version column: the data layer keeps (ProjectId, Number) unique,
/// which refuses a second plan made from the same current version.
/// </remarks>
public sealed class ProjectPlan
{
    public const int BaselineNumber = 1;

    // For EF Core materialization.
    private ProjectPlan()
    {
        Content = PlanContent.Placeholder();
    }

    private ProjectPlan(int projectId, int number, PlanContent content, int? changeRequestId, DateTime createdAtUtc)
    {
        ProjectId = projectId;
        Number = number;
        Content = content;
        ChangeRequestId = changeRequestId;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    /// <summary>1 for the baseline, then 2, 3, … per approved change.</summary>
    public int Number { get; private set; }

    public PlanContent Content { get; private set; }

    /// <summary>The approved change request this version came from; null for the baseline.</summary>
    public int? ChangeRequestId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public bool IsBaseline => Number == BaselineNumber;

    /// <summary>
    /// The 当初計画 of <paramref name="project"/>: its proposal's activities, budget, KPIs and role
    /// split, the roles in the columns of the agreement's parties (before an agreement: the
    /// proposal's group, if it has one, and its partner department).
    /// </summary>
    public static ProjectPlan Baseline(Project project, Proposal proposal, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(proposal);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (project.ProposalId != proposal.Id)
        {
            throw new ArgumentException("The proposal is not this project's baseline.", nameof(proposal));
        }

        return new ProjectPlan(project.Id, BaselineNumber, PlanContent.FromProposal(proposal, PartiesOf(project)), changeRequestId: null, now);
    }

    /// <summary>The parties whose columns a plan's role split has: the agreement's, in order; before one, the proposal's.</summary>
    public static IReadOnlyList<AgreementPartyDraft> PartiesOf(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Agreement is { } agreement)
        {
            return [.. agreement.Parties.OrderBy(party => party.SortOrder).Select(party => party.ToDraft())];
        }

        return
        [
            .. project.ProposingGroupId is { } group ? [new AgreementPartyDraft(AgreementPartyKind.CitizenGroup, group, null, string.Empty)] : Array.Empty<AgreementPartyDraft>(),
            .. project.PartnerDepartmentId is { } department ? [new AgreementPartyDraft(AgreementPartyKind.Department, null, department, string.Empty)] : Array.Empty<AgreementPartyDraft>(),
        ];
    }

    /// <summary>
    /// The version after <paramref name="current"/>, with the content of the
    /// <paramref name="approved"/> change request, which must be approved, for this project and
    /// made against <paramref name="current"/>.
    /// </summary>
    public static ProjectPlan Next(ProjectPlan current, ChangeRequest approved, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(approved);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (approved.ProjectId != current.ProjectId)
        {
            throw new ArgumentException("The change request belongs to another project.", nameof(approved));
        }

        if (approved.Status != ChangeRequestStatus.Approved)
        {
            throw new DomainRuleException("「{0}」の変更申請では計画を更新できません。承認された変更申請だけが計画になります。", approved.Status);
        }

        approved.EnsureMadeAgainst(current);
        return new ProjectPlan(current.ProjectId, current.Number + 1, approved.ProposedContent.Copy(), approved.Id, now);
    }
}
