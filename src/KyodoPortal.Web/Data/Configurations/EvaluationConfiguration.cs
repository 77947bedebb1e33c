using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

/// <summary>One round per project and fiscal year; criteria, members and declarations belong to it.</summary>
internal sealed class EvaluationRoundConfiguration : IEntityTypeConfiguration<EvaluationRound>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> builder)
    {
        builder.ToTable("EvaluationRounds");
        builder.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ProjectId, r.FiscalYear }).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Recommendation).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.OpenedByUserId).HasMaxLength(CommitteeRoster.UserIdMaxLength);
        builder.Property(r => r.ConsolidatedByUserId).HasMaxLength(CommitteeRoster.UserIdMaxLength);
        builder.Property(r => r.Strengths).HasMaxLength(EvaluationRound.TextMaxLength);
        builder.Property(r => r.Issues).HasMaxLength(EvaluationRound.TextMaxLength);
        builder.Property(r => r.RequiredChanges).HasMaxLength(EvaluationRound.TextMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Roster);
        builder.Ignore(r => r.Rubric);
        builder.Ignore(r => r.OrderedCriteria);
        builder.Ignore(r => r.RequiredChangeItems);

        builder.OwnsMany(r => r.Criteria, criteria =>
        {
            criteria.ToTable("EvaluationCriteria");
            criteria.WithOwner().HasForeignKey("RoundId");
            criteria.HasKey(c => c.Id);
            criteria.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
            criteria.Property(c => c.Name).HasMaxLength(EvaluationCriterion.NameMaxLength);
        });

        // The same member and declaration types as screening, in the round's own tables; a
        // declaration's subject is the round's project.
        builder.OwnsMany(r => r.Members, members =>
        {
            members.ToTable("EvaluationRoundMembers");
            members.WithOwner().HasForeignKey("RoundId");
            members.HasKey(m => m.Id);
            members.Property(m => m.MemberUserId).HasMaxLength(CommitteeRoster.UserIdMaxLength);
            members.HasIndex("RoundId", nameof(PanelMember.MemberUserId)).IsUnique();
        });
        builder.OwnsMany(r => r.Declarations, declarations =>
        {
            declarations.ToTable("EvaluationConflictDeclarations");
            declarations.WithOwner().HasForeignKey("RoundId");
            declarations.HasKey(d => d.Id);
            declarations.Property(d => d.SubjectId).HasColumnName("ProjectId");
            declarations.Property(d => d.MemberUserId).HasMaxLength(CommitteeRoster.UserIdMaxLength);
            declarations.Property(d => d.DeclaredByUserId).HasMaxLength(CommitteeRoster.UserIdMaxLength);
            declarations.Property(d => d.Reason).HasMaxLength(ConflictDeclaration.ReasonMaxLength);
            declarations.HasOne<Project>().WithMany().HasForeignKey(d => d.SubjectId).OnDelete(DeleteBehavior.Restrict);
            declarations.HasIndex("RoundId", nameof(ConflictDeclaration.MemberUserId), nameof(ConflictDeclaration.SubjectId)).IsUnique();
        });
    }
}

/// <summary>One committee sheet per member per round.</summary>
internal sealed class EvaluationSheetConfiguration : IEntityTypeConfiguration<EvaluationSheet>
{
    public void Configure(EntityTypeBuilder<EvaluationSheet> builder)
    {
        builder.ToTable("EvaluationSheets");
        builder.HasOne<EvaluationRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.MemberUserId).HasMaxLength(CommitteeRoster.UserIdMaxLength);
        builder.HasIndex(s => new { s.RoundId, s.MemberUserId }).IsUnique();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.OverallComment).HasMaxLength(EvaluationSheet.OverallCommentMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.OwnsMany(s => s.Entries, entries => ScoreEntries.Map(entries, "EvaluationScoreEntries", "SheetId"));
    }
}

/// <summary>One self-evaluation per side per round.</summary>
internal sealed class SelfEvaluationConfiguration : IEntityTypeConfiguration<SelfEvaluation>
{
    public void Configure(EntityTypeBuilder<SelfEvaluation> builder)
    {
        builder.ToTable("SelfEvaluations");
        builder.HasOne<EvaluationRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Side).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.RoundId, s.Side }).IsUnique();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.UpdatedByUserId).HasMaxLength(CommitteeRoster.UserIdMaxLength);
        builder.Property(s => s.OverallComment).HasMaxLength(EvaluationSheet.OverallCommentMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.OwnsMany(s => s.Entries, entries => ScoreEntries.Map(entries, "SelfEvaluationEntries", "SelfEvaluationId"));
    }
}

/// <summary><see cref="ScoreEntry"/> as an owned row of an evaluation sheet, one per criterion.</summary>
internal static class ScoreEntries
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, ScoreEntry> entries, string table, string ownerKey)
        where TOwner : class
    {
        entries.ToTable(table);
        entries.WithOwner().HasForeignKey(ownerKey);
        entries.HasKey(e => e.Id);
        entries.Property(e => e.Comment).HasMaxLength(ScoreEntry.CommentMaxLength);
        entries.HasIndex(ownerKey, nameof(ScoreEntry.CriterionId)).IsUnique();
    }
}
