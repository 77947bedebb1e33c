using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.HasOne(u => u.Department).WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.CitizenGroup).WithMany().HasForeignKey(u => u.CitizenGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The five roles exist in every database from the first migration on.</summary>
internal sealed class RoleSeedConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(KyodoRoles.All.Select(name => new IdentityRole(name)
        {
            // Fixed values: HasData must produce the same rows on every model build.
            Id = "role-" + name.ToLowerInvariant(),
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = "seed-" + name.ToLowerInvariant(),
        }));
}
