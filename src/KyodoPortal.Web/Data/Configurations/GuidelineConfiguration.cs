using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

/// <summary>
/// 指針: its periods, classes and areas are entities of their own (measures point at them); a
/// period's deadlines are owned. Nothing a measure points at is deleted with the guideline.
/// </summary>
internal sealed class GuidelineConfiguration : IEntityTypeConfiguration<Guideline>
{
    public void Configure(EntityTypeBuilder<Guideline> builder)
    {
        builder.ToTable("Guidelines");
        builder.Property(g => g.Title).HasMaxLength(Guideline.TitleMaxLength);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasMany(g => g.Periods).WithOne().HasForeignKey(p => p.GuidelineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Classifications).WithOne().HasForeignKey(c => c.GuidelineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Areas).WithOne().HasForeignKey(a => a.GuidelineId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(g => g.Periods).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(g => g.Classifications).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(g => g.Areas).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GuidelinePeriodConfiguration : IEntityTypeConfiguration<GuidelinePeriod>
{
    public void Configure(EntityTypeBuilder<GuidelinePeriod> builder)
    {
        builder.ToTable("GuidelinePeriods");
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsClosed);
        builder.Ignore(p => p.FiscalYears);
        builder.HasIndex(p => new { p.GuidelineId, p.Number }).IsUnique();
        builder.OwnsMany(p => p.Deadlines, deadline =>
        {
            deadline.ToTable("GuidelineProgressDeadlines");
            deadline.WithOwner().HasForeignKey("PeriodId");
            deadline.HasKey(d => d.Id);
            deadline.HasIndex("PeriodId", nameof(ProgressDeadline.FiscalYear)).IsUnique();
        });
    }
}

internal sealed class GuidelineClassificationConfiguration : IEntityTypeConfiguration<GuidelineClassification>
{
    public void Configure(EntityTypeBuilder<GuidelineClassification> builder)
    {
        builder.ToTable("GuidelineClassifications");
        builder.Property(c => c.Code).HasMaxLength(GuidelineClassification.CodeMaxLength);
        builder.Property(c => c.Key).HasMaxLength(GuidelineClassification.CodeMaxLength * 2);
        builder.Property(c => c.Description).HasMaxLength(GuidelineClassification.DescriptionMaxLength);
        builder.HasIndex(c => new { c.GuidelineId, c.Key }).IsUnique();
    }
}

internal sealed class GuidelineAreaConfiguration : IEntityTypeConfiguration<GuidelineArea>
{
    public void Configure(EntityTypeBuilder<GuidelineArea> builder)
    {
        builder.ToTable("GuidelineAreas");
        builder.Property(a => a.Title).HasMaxLength(GuidelineArea.TitleMaxLength);
        builder.Property(a => a.Heading).HasMaxLength(GuidelineArea.TitleMaxLength);
        builder.HasIndex(a => new { a.GuidelineId, a.Number }).IsUnique();
        builder.HasMany(a => a.SubAreas).WithOne().HasForeignKey(s => s.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.SubAreas).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GuidelineSubAreaConfiguration : IEntityTypeConfiguration<GuidelineSubArea>
{
    public void Configure(EntityTypeBuilder<GuidelineSubArea> builder)
    {
        builder.ToTable("GuidelineSubAreas");
        builder.Property(s => s.Letter).HasMaxLength(4);
        builder.Property(s => s.Title).HasMaxLength(GuidelineArea.TitleMaxLength);
        builder.HasIndex(s => new { s.AreaId, s.Letter }).IsUnique();
    }
}

/// <summary>具体的施策: points at its period, area, sub-area and class; its departments are rows of their own.</summary>
internal sealed class GuidelineMeasureConfiguration : IEntityTypeConfiguration<GuidelineMeasure>
{
    public void Configure(EntityTypeBuilder<GuidelineMeasure> builder)
    {
        builder.ToTable("GuidelineMeasures");
        builder.Property(m => m.Title).HasMaxLength(GuidelineMeasure.TitleMaxLength);
        builder.Property(m => m.Description).HasMaxLength(GuidelineMeasure.DescriptionMaxLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne(m => m.Period).WithMany().HasForeignKey(m => m.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Area).WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.SubArea).WithMany().HasForeignKey(m => m.SubAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Classification).WithMany().HasForeignKey(m => m.ClassificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.PeriodId, m.AreaId });
        builder.HasOne(m => m.PreviousMeasure).WithMany().HasForeignKey(m => m.PreviousMeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.PreviousMeasureId).IsUnique();
        builder.HasMany(m => m.Departments).WithOne().HasForeignKey("MeasureId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Departments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Links).WithOne().HasForeignKey("MeasureId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>施策の関連: a theme, call or project per row, each a foreign key; a target is linked to a measure once.</summary>
internal sealed class MeasureLinkConfiguration : IEntityTypeConfiguration<MeasureLink>
{
    public void Configure(EntityTypeBuilder<MeasureLink> builder)
    {
        builder.ToTable("GuidelineMeasureLinks");
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(l => l.TargetId);
        builder.HasOne<KyodoPortal.Domain.Themes.Theme>().WithMany().HasForeignKey(l => l.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KyodoPortal.Domain.Calls.Call>().WithMany().HasForeignKey(l => l.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KyodoPortal.Domain.Projects.Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex("MeasureId", nameof(MeasureLink.ThemeId)).IsUnique();
        builder.HasIndex("MeasureId", nameof(MeasureLink.CallId)).IsUnique();
        builder.HasIndex("MeasureId", nameof(MeasureLink.ProjectId)).IsUnique();
        builder.HasIndex(l => l.ProjectId);
        builder.HasIndex(l => l.ThemeId);
        builder.HasIndex(l => l.CallId);
    }
}

internal sealed class MeasureDepartmentConfiguration : IEntityTypeConfiguration<MeasureDepartment>
{
    public void Configure(EntityTypeBuilder<MeasureDepartment> builder)
    {
        builder.ToTable("GuidelineMeasureDepartments");
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex("MeasureId", nameof(MeasureDepartment.DepartmentId)).IsUnique();
        builder.HasIndex(d => d.DepartmentId);
    }
}

/// <summary>進捗: one row per measure and fiscal year (a unique index: two first saves cannot both land); the review history is owned.</summary>
internal sealed class MeasureProgressConfiguration : IEntityTypeConfiguration<MeasureProgress>
{
    public void Configure(EntityTypeBuilder<MeasureProgress> builder)
    {
        builder.ToTable("GuidelineMeasureProgress");
        builder.HasOne(p => p.Measure).WithMany().HasForeignKey(p => p.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Effectiveness).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Review).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Done).HasMaxLength(MeasureProgress.TextMaxLength);
        builder.Property(p => p.Figures).HasMaxLength(MeasureProgress.FiguresMaxLength);
        builder.Property(p => p.FigureValue).HasPrecision(18, 2);
        builder.Property(p => p.EffectivenessReasons).HasMaxLength(MeasureProgress.TextMaxLength);
        builder.Property(p => p.ReturnReason).HasMaxLength(MeasureProgress.ReasonMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsEditable);
        builder.HasIndex(p => new { p.MeasureId, p.FiscalYear }).IsUnique();
        builder.OwnsMany(p => p.History, history =>
        {
            history.ToTable("GuidelineProgressReviewChanges");
            history.WithOwner().HasForeignKey("ProgressId");
            history.HasKey(h => h.Id);
            history.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.Comment).HasMaxLength(MeasureProgress.ReasonMaxLength);
            history.Property(h => h.ByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        });
    }
}

/// <summary>
/// 見直し: one row per reviewed measure (a unique index: two first saves cannot both land) or per
/// proposed addition (no measure); the measure it became is unique too (a period is started once);
/// the committee's opinions are owned rows.
/// </summary>
internal sealed class MeasureReviewConfiguration : IEntityTypeConfiguration<MeasureReview>
{
    public void Configure(EntityTypeBuilder<MeasureReview> builder)
    {
        builder.ToTable("GuidelineMeasureReviews");
        builder.HasOne(r => r.Period).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Measure).WithMany().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.NextMeasure).WithMany().HasForeignKey(r => r.NextMeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.NextArea).WithMany().HasForeignKey(r => r.NextAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.NextSubArea).WithMany().HasForeignKey(r => r.NextSubAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.NextClassification).WithMany().HasForeignKey(r => r.NextClassificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.MeasureId).IsUnique();
        builder.HasIndex(r => r.NextMeasureId).IsUnique();
        builder.HasIndex(r => r.PeriodId);
        builder.Property(r => r.Implementation).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Effectiveness).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Necessity).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Proposal).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Results).HasMaxLength(MeasureReview.TextMaxLength);
        builder.Property(r => r.ProposalReasons).HasMaxLength(MeasureReview.TextMaxLength);
        builder.Property(r => r.DecisionNote).HasMaxLength(MeasureReview.TextMaxLength);
        builder.Property(r => r.NextTitle).HasMaxLength(GuidelineMeasure.TitleMaxLength);
        builder.Property(r => r.NextDescription).HasMaxLength(GuidelineMeasure.DescriptionMaxLength);
        builder.Property(r => r.DecidedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsAddition);
        builder.Ignore(r => r.IsDecided);
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.Choices);
        builder.OwnsMany(r => r.Opinions, opinion =>
        {
            opinion.ToTable("GuidelineReviewOpinions");
            opinion.WithOwner().HasForeignKey("ReviewId");
            opinion.HasKey(o => o.Id);
            opinion.Property(o => o.ByUserId).HasMaxLength(Proposal.UserIdMaxLength);
            opinion.Property(o => o.Text).HasMaxLength(MeasureReview.TextMaxLength);
        });
        builder.Navigation(r => r.Opinions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
