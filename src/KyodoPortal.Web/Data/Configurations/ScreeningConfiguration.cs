using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

/// <summary>One panel per call; members, declarations and decisions belong to it.</summary>
internal sealed class ScreeningPanelConfiguration : IEntityTypeConfiguration<ScreeningPanel>
{
    public void Configure(EntityTypeBuilder<ScreeningPanel> builder)
    {
        builder.ToTable("ScreeningPanels");
        builder.HasOne<Call>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.CallId).IsUnique();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.OtherSheetsVisibility).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.PassingScore);

        builder.OwnsMany(p => p.Members, members =>
        {
            members.ToTable("ScreeningPanelMembers");
            members.WithOwner().HasForeignKey("PanelId");
            members.HasKey(m => m.Id);
            members.Property(m => m.MemberUserId).HasMaxLength(ScreeningPanel.UserIdMaxLength);
            members.HasIndex("PanelId", nameof(PanelMember.MemberUserId)).IsUnique();
        });
        builder.OwnsMany(p => p.Declarations, declarations =>
        {
            declarations.ToTable("ConflictDeclarations");
            declarations.WithOwner().HasForeignKey("PanelId");
            declarations.HasKey(d => d.Id);
            declarations.Property(d => d.MemberUserId).HasMaxLength(ScreeningPanel.UserIdMaxLength);
            declarations.Property(d => d.DeclaredByUserId).HasMaxLength(ScreeningPanel.UserIdMaxLength);
            declarations.Property(d => d.Reason).HasMaxLength(ConflictDeclaration.ReasonMaxLength);
            declarations.Property(d => d.SubjectId).HasColumnName("ProposalId");
            declarations.HasOne<Proposal>().WithMany().HasForeignKey(d => d.SubjectId).OnDelete(DeleteBehavior.Restrict);
            declarations.HasIndex("PanelId", nameof(ConflictDeclaration.MemberUserId), nameof(ConflictDeclaration.SubjectId)).IsUnique();
        });
        builder.OwnsMany(p => p.DeclarationHistory, history =>
        {
            history.ToTable("ConflictDeclarationChanges");
            history.WithOwner().HasForeignKey("PanelId");
            history.HasKey(h => h.Id);
            history.Property(h => h.SubjectId).HasColumnName("ProposalId");
            history.Property(h => h.MemberUserId).HasMaxLength(ScreeningPanel.UserIdMaxLength);
            history.Property(h => h.ChangedByUserId).HasMaxLength(ScreeningPanel.UserIdMaxLength);
            history.Property(h => h.Reason).HasMaxLength(ConflictDeclaration.ReasonMaxLength);
            history.Ignore(h => h.IsByCoordinator);
            history.HasOne<Proposal>().WithMany().HasForeignKey(h => h.SubjectId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.OwnsMany(p => p.Decisions, decisions =>
        {
            decisions.ToTable("ScreeningDecisions");
            decisions.WithOwner().HasForeignKey("PanelId");
            decisions.HasKey(d => d.Id);
            decisions.Property(d => d.Reason).HasMaxLength(ScreeningDecision.ReasonMaxLength);
            decisions.Property(d => d.DecidedByUserId).HasMaxLength(ScreeningPanel.UserIdMaxLength);
            decisions.HasOne<Proposal>().WithMany().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Restrict);
            decisions.HasIndex("PanelId", nameof(ScreeningDecision.ProposalId)).IsUnique();
        });
    }
}

/// <summary>One sheet per member per proposal in a panel.</summary>
internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> builder)
    {
        builder.ToTable("ScoreSheets");
        builder.HasOne<ScreeningPanel>().WithMany().HasForeignKey(s => s.PanelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.MemberUserId).HasMaxLength(ScreeningPanel.UserIdMaxLength);
        builder.HasIndex(s => new { s.PanelId, s.ProposalId, s.MemberUserId }).IsUnique();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.OverallComment).HasMaxLength(ScoreSheet.OverallCommentMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();

        builder.OwnsMany(s => s.Entries, entries =>
        {
            entries.ToTable("ScoreEntries");
            entries.WithOwner().HasForeignKey("ScoreSheetId");
            entries.HasKey(e => e.Id);
            entries.Property(e => e.Comment).HasMaxLength(ScoreEntry.CommentMaxLength);
            entries.HasIndex("ScoreSheetId", nameof(ScoreEntry.CriterionId)).IsUnique();
        });
    }
}
