using KyodoPortal.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(Department.NameMaxLength);
        builder.HasIndex(d => d.Name).IsUnique();
        builder.Property(d => d.Division).HasMaxLength(Department.DivisionMaxLength);
        builder.Property(d => d.ContactEmail).HasMaxLength(Department.ContactMaxLength);
        builder.Property(d => d.ContactPhone).HasMaxLength(Department.ContactMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
