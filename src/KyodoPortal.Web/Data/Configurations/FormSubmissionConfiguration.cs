using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

public sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.UserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.Property(s => s.ResultUrl).HasMaxLength(FormSubmission.ResultUrlMaxLength);
    }
}
