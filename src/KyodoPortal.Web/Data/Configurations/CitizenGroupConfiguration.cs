using KyodoPortal.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

internal sealed class CitizenGroupConfiguration : IEntityTypeConfiguration<CitizenGroup>
{
    public void Configure(EntityTypeBuilder<CitizenGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(CitizenGroup.NameMaxLength);
        builder.HasIndex(g => g.Name).IsUnique();
        builder.Property(g => g.NameKana).HasMaxLength(CitizenGroup.KanaMaxLength);
        builder.Property(g => g.LegalForm).HasConversion<string>().HasMaxLength(40);
        builder.Property(g => g.Representative).HasMaxLength(CitizenGroup.RepresentativeMaxLength);
        builder.Property(g => g.Area).HasMaxLength(CitizenGroup.AreaMaxLength);
        builder.Property(g => g.Description).HasMaxLength(CitizenGroup.DescriptionMaxLength);
        builder.Property(g => g.Skills).HasMaxLength(CitizenGroup.SkillsMaxLength);
        builder.Property(g => g.Website).HasMaxLength(CitizenGroup.ContactMaxLength);
        builder.Property(g => g.PublicEmail).HasMaxLength(CitizenGroup.ContactMaxLength);
        builder.Property(g => g.PublicPhone).HasMaxLength(CitizenGroup.ContactMaxLength);
        builder.MapFieldTags(nameof(CitizenGroup.Fields), "CitizenGroupFields");
        builder.Property(g => g.Version).IsConcurrencyToken();
    }
}
