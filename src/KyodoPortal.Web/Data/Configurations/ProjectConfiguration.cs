using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

/// <summary>One project per selected proposal (its baseline); its agreement belongs to it; nothing cascades.</summary>
internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("Projects");
        builder.HasOne<Proposal>().WithMany().HasForeignKey(p => p.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ProposalId).IsUnique();

        // The projects list's orders (the default, newest term first, and by 事業名) read the first rows of
        // an index instead of sorting every project (docs/performance.md).
        builder.HasIndex(p => new { p.StartFiscalYear, p.EndFiscalYear, p.Id });
        builder.HasIndex(p => new { p.Title, p.Id });
        builder.HasOne<Call>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CitizenGroup>().WithMany().HasForeignKey(p => p.ProposingGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.PartnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Title).HasMaxLength(Proposal.TitleMaxLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.TermYears);

        builder.OwnsOne(p => p.Agreement, agreement =>
        {
            agreement.ToTable("ProjectAgreements");
            agreement.WithOwner().HasForeignKey("ProjectId");
            agreement.Property(a => a.CostShareNote).HasMaxLength(Agreement.CostShareNoteMaxLength);
            agreement.Property(a => a.Purpose).HasMaxLength(Agreement.PurposeMaxLength);
            agreement.Property(a => a.SignedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
            agreement.OwnsMany(a => a.Parties, parties =>
            {
                parties.ToTable("ProjectAgreementParties");
                parties.WithOwner().HasForeignKey("ProjectId");
                parties.HasKey(p => p.Id);
                parties.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
                parties.Property(p => p.Name).HasMaxLength(AgreementParty.NameMaxLength);
                parties.Property(p => p.Representative).HasMaxLength(AgreementParty.RepresentativeMaxLength);
                parties.Property(p => p.Role).HasMaxLength(AgreementParty.RoleMaxLength);
                parties.Property(p => p.Address).HasMaxLength(AgreementParty.AddressMaxLength);
                parties.HasOne<CitizenGroup>().WithMany().HasForeignKey(p => p.CitizenGroupId).OnDelete(DeleteBehavior.Restrict);
                parties.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            });
            agreement.OwnsMany(a => a.RoleSplits, roles =>
            {
                roles.ToTable("ProjectAgreementRoleSplits");
                roles.WithOwner().HasForeignKey("ProjectId");
                roles.HasKey(r => r.Id);
                roles.Property(r => r.Task).HasMaxLength(ProposalRoleSplit.TaskMaxLength);
                roles.OwnsMany(r => r.Roles, partyRoles =>
                {
                    // One role per (row, party): the party by its number in the agreement (甲 = 1, 乙 = 2, …).
                    partyRoles.ToTable("ProjectAgreementPartyRoles");
                    partyRoles.WithOwner().HasForeignKey("RoleSplitId");
                    partyRoles.HasKey("RoleSplitId", nameof(AgreementPartyRole.PartyNumber));
                    partyRoles.Property(r => r.PartyNumber).ValueGeneratedNever();
                    partyRoles.Property(r => r.Role).HasMaxLength(ProposalRoleSplit.RoleMaxLength);
                });
            });
        });
        builder.Navigation(p => p.Agreement).IsRequired(false);

        builder.Ignore(p => p.IsCase);
        builder.Ignore(p => p.DecisionForCurrentTerm);
        builder.OwnsMany(p => p.ContinuationDecisions, decisions =>
        {
            decisions.ToTable("ContinuationDecisions");
            decisions.WithOwner().HasForeignKey("ProjectId");
            decisions.HasKey(d => d.Id);
            decisions.HasIndex("ProjectId", nameof(ContinuationDecision.Number)).IsUnique();
            decisions.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
            decisions.Property(d => d.Reasons).HasMaxLength(ContinuationDecision.ReasonsMaxLength);
            decisions.Property(d => d.ExceptionReason).HasMaxLength(ContinuationDecision.ExceptionReasonMaxLength);
            decisions.Property(d => d.DecidedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
            decisions.Ignore(d => d.ExtendedByYears);
            decisions.Ignore(d => d.IsException);

            // The entered decision date; null on decisions recorded before it could be entered.
            decisions.Ignore(d => d.DecidedOn);
            decisions.Ignore(d => d.RecordedOn);
            decisions.Ignore(d => d.IsEnteredAfterwards);
            decisions.Property<DateOnly?>("_decidedOn").HasColumnName(nameof(ContinuationDecision.DecidedOn));
        });
        builder.OwnsOne(p => p.Closure, closure =>
        {
            closure.ToTable("ProjectClosures");
            closure.WithOwner().HasForeignKey("ProjectId");
            closure.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(30);
            closure.Property(c => c.Summary).HasMaxLength(ProjectClosure.SummaryMaxLength);
            closure.Property(c => c.Lessons).HasMaxLength(ProjectClosure.LessonsMaxLength);
            closure.Property(c => c.EarlyEndReason).HasMaxLength(ProjectClosure.EarlyEndReasonMaxLength);
            closure.Property(c => c.ClosedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        });
        builder.Navigation(p => p.Closure).IsRequired(false);
    }
}

/// <summary>
/// Plan versions: immutable snapshots, the content kept as one JSON document (never queried
/// inside, always read whole). (ProjectId, Number) is unique, so two approvals cannot both make
/// version n + 1.
/// </summary>
internal sealed class ProjectPlanConfiguration : IEntityTypeConfiguration<ProjectPlan>
{
    public void Configure(EntityTypeBuilder<ProjectPlan> builder)
    {
        builder.ToTable("ProjectPlans");
        builder.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChangeRequest>().WithMany().HasForeignKey(p => p.ChangeRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ProjectId, p.Number }).IsUnique();
        builder.OwnsOne(p => p.Content, PlanContentMapping.Map);
    }
}

/// <summary>A change request carries the whole proposed plan (JSON), compared with the plan it was made against.</summary>
internal sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> builder)
    {
        builder.ToTable("ChangeRequests");
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ProjectId);
        builder.Property(c => c.Reason).HasMaxLength(ChangeRequest.ReasonMaxLength);
        builder.Property(c => c.RejectionComment).HasMaxLength(ChangeRequest.CommentMaxLength);
        builder.Property(c => c.RequestedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RejectedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        foreach (var userId in new[] { nameof(ChangeRequest.RequestedByUserId), nameof(ChangeRequest.DepartmentApprovedByUserId), nameof(ChangeRequest.CoordinatorApprovedByUserId), nameof(ChangeRequest.RejectedByUserId), nameof(ChangeRequest.WithdrawnByUserId) })
        {
            builder.Property(userId).HasMaxLength(Proposal.UserIdMaxLength);
        }

        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.OwnsOne(c => c.ProposedContent, PlanContentMapping.Map);
    }
}

internal static class PlanContentMapping
{
    /// <summary>Maps <see cref="PlanContent"/> as a JSON column; enums by name so the document reads on its own.</summary>
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, PlanContent> content)
        where TOwner : class
    {
        content.ToJson();
        content.OwnsMany(c => c.Activities);
        content.OwnsMany(c => c.BudgetLines, lines => lines.Property(l => l.Category).HasConversion<string>());
        content.OwnsMany(c => c.Kpis, kpis => kpis.Property(k => k.Kind).HasConversion<string>());
        content.OwnsMany(c => c.KpiTargets);
        // One role per (row, party): the party by its number in the agreement (甲 = 1), as the agreement's role split.
        content.OwnsMany(c => c.RoleSplits, splits => splits.OwnsMany(s => s.Roles));
    }
}

/// <summary>The activity log: one row per event, found by project and fiscal year.</summary>
internal sealed class ActivityRecordConfiguration : IEntityTypeConfiguration<ActivityRecord>
{
    public void Configure(EntityTypeBuilder<ActivityRecord> builder)
    {
        builder.ToTable("ActivityRecords");
        builder.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ProjectId, a.FiscalYear, a.HeldOn });
        builder.Property(a => a.Title).HasMaxLength(ActivityRecord.TitleMaxLength);
        builder.Property(a => a.Venue).HasMaxLength(ActivityRecord.VenueMaxLength);
        builder.Property(a => a.Notes).HasMaxLength(ActivityRecord.NotesMaxLength);
        builder.Property(a => a.RecordedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.AttendanceRate);
    }
}

/// <summary>One report per project, fiscal year and revision (a correction is the next revision).</summary>
internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> builder)
    {
        builder.ToTable("AnnualReports");
        builder.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AnnualReport>().WithMany().HasForeignKey(r => r.CorrectionOfReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ProjectId, r.FiscalYear, r.Revision }).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DepartmentRating).HasConversion<string>().HasMaxLength(20);
        foreach (var section in new[] { nameof(AnnualReport.Summary), nameof(AnnualReport.Outcomes), nameof(AnnualReport.Problems), nameof(AnnualReport.NextYearPlan), nameof(AnnualReport.PublicRelations) })
        {
            builder.Property(section).HasMaxLength(AnnualReport.SectionMaxLength);
        }

        builder.Property(r => r.DepartmentComment).HasMaxLength(AnnualReport.DepartmentCommentMaxLength);
        builder.Property(r => r.CorrectionReason).HasMaxLength(AnnualReport.CorrectionReasonMaxLength);
        builder.Property(r => r.CreatedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.Property(r => r.DepartmentCommentByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.OwnsMany(r => r.KpiActuals, actuals =>
        {
            actuals.ToTable("KpiActuals");
            actuals.WithOwner().HasForeignKey("AnnualReportId");
            actuals.HasKey(a => a.Id);
            actuals.Property(a => a.KpiName).HasMaxLength(Kpi.NameMaxLength);
            actuals.Property(a => a.ActualValue).HasPrecision(KpiActual.ActualValuePrecision, KpiActual.ActualValueScale);
            actuals.Property(a => a.ActualText).HasMaxLength(KpiActual.ActualTextMaxLength);
            actuals.Property(a => a.Evidence).HasMaxLength(KpiActual.EvidenceMaxLength);
            actuals.Property(a => a.Comment).HasMaxLength(KpiActual.CommentMaxLength);
        });
        builder.OwnsMany(r => r.BudgetActuals, actuals =>
        {
            actuals.ToTable("BudgetActuals");
            actuals.WithOwner().HasForeignKey("AnnualReportId");
            actuals.HasKey(a => a.Id);
            actuals.Property(a => a.Category).HasConversion<string>().HasMaxLength(30);
            actuals.Property(a => a.Item).HasMaxLength(BudgetLine.ItemMaxLength);
            actuals.Property(a => a.Note).HasMaxLength(BudgetActual.NoteMaxLength);
        });
        builder.OwnsMany(r => r.Attachments, files =>
        {
            files.ToTable("AnnualReportAttachments");
            files.WithOwner().HasForeignKey("AnnualReportId");
            files.HasKey(f => f.Id);
            files.Property(f => f.FileName).HasMaxLength(ProposalAttachment.FileNameMaxLength);
            files.Property(f => f.ContentType).HasMaxLength(ProposalAttachment.ContentTypeMaxLength);
            files.Property(f => f.StorageKey).HasMaxLength(ProposalAttachment.StorageKeyMaxLength);
            files.Property(f => f.UploadedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
            files.HasIndex(f => f.StorageKey);
        });
        builder.OwnsMany(r => r.History, history =>
        {
            history.ToTable("AnnualReportStatusChanges");
            history.WithOwner().HasForeignKey("AnnualReportId");
            history.HasKey(h => h.Id);
            history.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.Actor).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.ByUserId).HasMaxLength(Proposal.UserIdMaxLength);
            history.Property(h => h.Comment).HasMaxLength(AnnualReportStatusChange.CommentMaxLength);
        });
    }
}
