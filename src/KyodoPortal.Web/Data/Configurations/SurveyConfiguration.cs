using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

/// <summary>
/// アンケート: questions and their options are entities of their own (answers point at them);
/// the audience and the status history are owned.
/// </summary>
internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("Surveys");
        builder.Property(s => s.Title).HasMaxLength(Survey.TitleMaxLength);
        builder.Property(s => s.Purpose).HasMaxLength(Survey.PurposeMaxLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.AudienceKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ResultsScope).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.LinkToken).HasMaxLength(40).IsUnicode(false);
        builder.HasIndex(s => s.LinkToken).IsUnique();
        builder.Property(s => s.CreatedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsDraft);
        builder.HasIndex(s => s.Status);
        builder.HasOne<GuidelineMeasure>().WithMany().HasForeignKey(s => s.GuidelineMeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Audience, audience =>
        {
            audience.ToTable("SurveyAudienceMembers");
            audience.WithOwner().HasForeignKey("SurveyId");
            audience.HasKey(a => a.Id);
            audience.Property(a => a.UserId).HasMaxLength(Proposal.UserIdMaxLength);
            audience.HasIndex("SurveyId", nameof(SurveyAudienceMember.UserId)).IsUnique();
            audience.HasIndex("SurveyId", nameof(SurveyAudienceMember.DepartmentId)).IsUnique();
            audience.HasIndex("SurveyId", nameof(SurveyAudienceMember.CitizenGroupId)).IsUnique();
            audience.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            audience.HasOne<CitizenGroup>().WithMany().HasForeignKey(a => a.CitizenGroupId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.OwnsMany(s => s.History, history =>
        {
            history.ToTable("SurveyStatusChanges");
            history.WithOwner().HasForeignKey("SurveyId");
            history.HasKey(h => h.Id);
            history.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.ByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        });
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.ToTable("SurveyQuestions");
        builder.Property(q => q.Text).HasMaxLength(SurveyQuestion.TextMaxLength);
        builder.Property(q => q.ReasonPrompt).HasMaxLength(SurveyQuestion.ReasonPromptMaxLength);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(q => q.IsChoice);
        builder.Ignore(q => q.ChoiceLimit);
        builder.HasIndex(q => new { q.SurveyId, q.Number });
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Options).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SurveyOptionConfiguration : IEntityTypeConfiguration<SurveyOption>
{
    public void Configure(EntityTypeBuilder<SurveyOption> builder)
    {
        builder.ToTable("SurveyOptions");
        builder.Property(o => o.Label).HasMaxLength(SurveyOption.LabelMaxLength);
        builder.HasIndex(o => new { o.QuestionId, o.Number });
    }
}

/// <summary>
/// A response names no account (no user column); its answers and chosen options are rows of their
/// own so results are counted by GROUP BY in the database.
/// </summary>
internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("SurveyResponses");
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.SurveyId);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Choices).WithOne().HasForeignKey(c => c.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Choices).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.ToTable("SurveyAnswers");
        builder.Property(a => a.Text).HasMaxLength(SurveyResponse.TextMaxLength);
        builder.Property(a => a.Reason).HasMaxLength(SurveyResponse.TextMaxLength);
        builder.Property(a => a.OtherText).HasMaxLength(SurveyResponse.TextMaxLength);
        builder.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.QuestionId, a.ResponseId });
    }
}

internal sealed class SurveyAnswerChoiceConfiguration : IEntityTypeConfiguration<SurveyAnswerChoice>
{
    public void Configure(EntityTypeBuilder<SurveyAnswerChoice> builder)
    {
        builder.ToTable("SurveyAnswerChoices");
        builder.HasOne<SurveyQuestion>().WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SurveyOption>().WithMany().HasForeignKey(c => c.OptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.QuestionId, c.OptionId });
        builder.HasIndex(c => new { c.ResponseId, c.QuestionId });
    }
}

/// <summary>
/// The has-answered marker: keyed by (survey, account), no id, no time, so its rows carry no order
/// to match against responses; the response link is filled only for named surveys.
/// </summary>
internal sealed class SurveyParticipationConfiguration : IEntityTypeConfiguration<SurveyParticipation>
{
    public void Configure(EntityTypeBuilder<SurveyParticipation> builder)
    {
        builder.ToTable("SurveyParticipations");
        builder.HasKey(p => new { p.SurveyId, p.UserId });
        builder.Property(p => p.UserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.HasOne<Survey>().WithMany().HasForeignKey(p => p.SurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Response).WithMany().HasForeignKey(p => p.ResponseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Response).IsRequired(false);
    }
}

/// <summary>Hashes of imported rows: keyed by (survey, hash), no id, no time, so nothing orders them against responses.</summary>
internal sealed class SurveyImportedRowConfiguration : IEntityTypeConfiguration<SurveyImportedRow>
{
    public void Configure(EntityTypeBuilder<SurveyImportedRow> builder)
    {
        builder.ToTable("SurveyImportedRows");
        builder.HasKey(r => new { r.SurveyId, r.Hash });
        builder.Property(r => r.Hash).HasMaxLength(SurveyImportRow.HashMaxLength).IsUnicode(false);
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Files between the steps of an import (a few at a time, deleted on save or after a day).</summary>
internal sealed class SurveyImportUploadConfiguration : IEntityTypeConfiguration<KyodoPortal.Web.Features.Surveys.SurveyImportUpload>
{
    public void Configure(EntityTypeBuilder<KyodoPortal.Web.Features.Surveys.SurveyImportUpload> builder)
    {
        builder.ToTable("SurveyImportUploads");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.UserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.Property(u => u.FileName).HasMaxLength(KyodoPortal.Web.Features.Surveys.SurveyImportUpload.FileNameMaxLength);
        builder.Property(u => u.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.Encoding).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Survey>().WithMany().HasForeignKey(u => u.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.CreatedAtUtc);
    }
}
