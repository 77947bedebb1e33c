using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(Theme.TitleMaxLength);
        builder.Property(t => t.Description).HasMaxLength(Theme.DescriptionMaxLength);
        builder.Property(t => t.Goal).HasMaxLength(Theme.GoalMaxLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.CreatedByUserId).HasMaxLength(450);
        builder.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.IsPublished, t.FiscalYear });
        builder.MapFieldTags(nameof(Theme.Fields), "ThemeFields");
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
