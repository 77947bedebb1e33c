using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.Property(c => c.Name).HasMaxLength(Call.NameMaxLength);
        builder.Property(c => c.ProposalType).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Guidance).HasMaxLength(Call.GuidanceMaxLength);
        builder.HasIndex(c => new { c.IsPublished, c.FiscalYear });
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.OwnsMany(c => c.Themes, themes =>
        {
            themes.ToTable("CallThemes");
            themes.WithOwner().HasForeignKey("CallId");
            themes.HasKey(t => t.Id);
            themes.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
            themes.HasIndex("CallId", nameof(CallTheme.ThemeId)).IsUnique();
        });
        builder.OwnsMany(c => c.Criteria, criteria =>
        {
            criteria.ToTable("ScreeningCriteria");
            criteria.WithOwner().HasForeignKey("CallId");
            criteria.HasKey(c => c.Id);
            criteria.Property(c => c.Name).HasMaxLength(ScreeningCriterion.NameMaxLength);
            criteria.Property(c => c.Description).HasMaxLength(ScreeningCriterion.DescriptionMaxLength);
        });
    }
}
