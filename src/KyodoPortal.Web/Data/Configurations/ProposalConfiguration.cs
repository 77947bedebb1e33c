using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

/// <summary>
/// A proposal and its sections are one aggregate: the sections are owned collections in their
/// own tables, loaded with the proposal (use AsSplitQuery when loading a whole proposal).
/// </summary>
internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("Proposals");
        builder.HasOne<Call>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CitizenGroup>().WithMany().HasForeignKey(p => p.ProposingGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.PartnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Title).HasMaxLength(Proposal.TitleMaxLength);
        builder.Property(p => p.Background).HasMaxLength(Proposal.BackgroundMaxLength);
        builder.Property(p => p.Purpose).HasMaxLength(Proposal.PurposeMaxLength);
        builder.Property(p => p.Beneficiaries).HasMaxLength(Proposal.BeneficiariesMaxLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CreatedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.HasIndex(p => new { p.CallId, p.Status });
        builder.HasIndex(p => p.ProposingGroupId);
        builder.HasIndex(p => p.PartnerDepartmentId);
        builder.Property(p => p.Version).IsConcurrencyToken();

        builder.OwnsMany(p => p.Activities, rows =>
        {
            rows.ToTable("ProposalActivities");
            rows.WithOwner().HasForeignKey("ProposalId");
            rows.HasKey(r => r.Id);
            rows.Property(r => r.Name).HasMaxLength(ProposalActivity.NameMaxLength);
            rows.Property(r => r.Description).HasMaxLength(ProposalActivity.DescriptionMaxLength);
        });
        builder.OwnsMany(p => p.ScheduleItems, rows =>
        {
            rows.ToTable("ProposalScheduleItems");
            rows.WithOwner().HasForeignKey("ProposalId");
            rows.HasKey(r => r.Id);
            rows.Property(r => r.Description).HasMaxLength(ProposalScheduleItem.DescriptionMaxLength);
        });
        builder.OwnsMany(p => p.RoleSplits, rows =>
        {
            rows.ToTable("ProposalRoleSplits");
            rows.WithOwner().HasForeignKey("ProposalId");
            rows.HasKey(r => r.Id);
            rows.Property(r => r.Task).HasMaxLength(ProposalRoleSplit.TaskMaxLength);
            rows.Property(r => r.GroupRole).HasMaxLength(ProposalRoleSplit.RoleMaxLength);
            rows.Property(r => r.CityRole).HasMaxLength(ProposalRoleSplit.RoleMaxLength);
        });
        builder.OwnsMany(p => p.BudgetLines, rows =>
        {
            rows.ToTable("ProposalBudgetLines");
            rows.WithOwner().HasForeignKey("ProposalId");
            rows.HasKey(r => r.Id);
            rows.Property(r => r.Direction).HasConversion<string>().HasMaxLength(10);
            rows.Property(r => r.Category).HasConversion<string>().HasMaxLength(30);
            rows.Property(r => r.Item).HasMaxLength(BudgetLine.ItemMaxLength);
        });
        builder.OwnsMany(p => p.Kpis, kpis =>
        {
            kpis.ToTable("ProposalKpis");
            kpis.WithOwner().HasForeignKey("ProposalId");
            kpis.HasKey(k => k.Id);
            kpis.Property(k => k.Name).HasMaxLength(Kpi.NameMaxLength);
            kpis.Property(k => k.Kind).HasConversion<string>().HasMaxLength(20);
            kpis.Property(k => k.Unit).HasMaxLength(Kpi.UnitMaxLength);
            kpis.Property(k => k.MeasurementMethod).HasMaxLength(Kpi.MeasurementMethodMaxLength);
            kpis.OwnsMany(k => k.Targets, targets =>
            {
                targets.ToTable("ProposalKpiTargets");
                targets.WithOwner().HasForeignKey("KpiId");
                targets.HasKey(t => t.Id);
                targets.Property(t => t.TargetText).HasMaxLength(KpiTarget.TargetTextMaxLength);
            });
        });
        builder.OwnsMany(p => p.Attachments, rows =>
        {
            rows.ToTable("ProposalAttachments");
            rows.WithOwner().HasForeignKey("ProposalId");
            rows.HasKey(r => r.Id);
            rows.Property(r => r.FileName).HasMaxLength(ProposalAttachment.FileNameMaxLength);
            rows.Property(r => r.ContentType).HasMaxLength(ProposalAttachment.ContentTypeMaxLength);
            rows.Property(r => r.StorageKey).HasMaxLength(ProposalAttachment.StorageKeyMaxLength);
            rows.HasIndex(r => r.StorageKey).IsUnique();
            rows.Property(r => r.UploadedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        });
        builder.OwnsMany(p => p.History, rows =>
        {
            rows.ToTable("ProposalStatusChanges");
            rows.WithOwner().HasForeignKey("ProposalId");
            rows.HasKey(r => r.Id);
            rows.Property(r => r.From).HasConversion<string>().HasMaxLength(20);
            rows.Property(r => r.To).HasConversion<string>().HasMaxLength(20);
            rows.Property(r => r.Actor).HasConversion<string>().HasMaxLength(20);
            rows.Property(r => r.ActorUserId).HasMaxLength(Proposal.UserIdMaxLength);
            rows.Property(r => r.Comment).HasMaxLength(ProposalStatusChange.CommentMaxLength);
        });
    }
}
