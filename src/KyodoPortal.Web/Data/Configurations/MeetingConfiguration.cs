using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

/// <summary>報告会: the agenda (projects in order, each a real project) and the committee members present are owned.</summary>
internal sealed class ReportMeetingConfiguration : IEntityTypeConfiguration<ReportMeeting>
{
    public void Configure(EntityTypeBuilder<ReportMeeting> builder)
    {
        builder.ToTable("ReportMeetings");
        builder.Property(m => m.Name).HasMaxLength(ReportMeeting.NameMaxLength);
        builder.Property(m => m.Venue).HasMaxLength(ReportMeeting.VenueMaxLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.CreatedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.HeldOn);

        builder.OwnsMany(m => m.Agenda, agenda =>
        {
            agenda.ToTable("ReportMeetingAgendaItems");
            agenda.WithOwner().HasForeignKey("MeetingId");
            agenda.HasKey(a => a.Id);
            agenda.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
            agenda.HasIndex("MeetingId", nameof(AgendaItem.ProjectId)).IsUnique();
            agenda.Property(a => a.ProjectTitle).HasMaxLength(Proposal.TitleMaxLength);
            agenda.Property(a => a.PartiesText).HasMaxLength(AgendaItem.PartiesTextMaxLength);
            agenda.Property(a => a.ProjectKindLabel).HasMaxLength(AgendaItem.ProjectKindLabelMaxLength);
        });
        builder.OwnsMany(m => m.Attendees, attendees =>
        {
            attendees.ToTable("ReportMeetingAttendees");
            attendees.WithOwner().HasForeignKey("MeetingId");
            attendees.HasKey(a => a.Id);
            attendees.Property(a => a.UserId).HasMaxLength(Proposal.UserIdMaxLength);
            attendees.HasIndex("MeetingId", nameof(MeetingAttendee.UserId)).IsUnique();
        });
    }
}

/// <summary>
/// 議事録: one row per version of a meeting's minutes (unique per meeting and version); the Q&amp;A
/// rows with their answers (nested) and follow-up, the correction suggestions and the status
/// history are owned. Computed properties are not stored.
/// </summary>
internal sealed class MinutesConfiguration : IEntityTypeConfiguration<Minutes>
{
    public void Configure(EntityTypeBuilder<Minutes> builder)
    {
        builder.ToTable("Minutes");
        builder.HasOne<ReportMeeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Minutes>().WithMany().HasForeignKey(m => m.CorrectionOfMinutesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.MeetingId, m.VersionNumber }).IsUnique();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.CorrectionReason).HasMaxLength(Minutes.CorrectionReasonMaxLength);
        builder.Property(m => m.CreatedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsEditable);
        builder.Ignore(m => m.HasPendingSuggestions);

        builder.OwnsMany(m => m.Rows, rows =>
        {
            rows.ToTable("MinutesRows");
            rows.WithOwner().HasForeignKey("MinutesId");
            rows.HasKey(r => r.Id);
            rows.HasIndex("MinutesId", nameof(QaRow.Number)).IsUnique();
            rows.Property(r => r.Question).HasMaxLength(QaRow.QuestionMaxLength);
            rows.Property(r => r.AskerKind).HasConversion<string>().HasMaxLength(20);
            rows.Property(r => r.AskerUserId).HasMaxLength(Proposal.UserIdMaxLength);
            rows.Property(r => r.AskerName).HasMaxLength(QaRow.AskerNameMaxLength);
            rows.OwnsMany(r => r.Answers, answers =>
            {
                answers.ToTable("MinutesAnswers");
                answers.WithOwner().HasForeignKey("RowId");
                answers.HasKey(a => a.Id);
                answers.Property(a => a.Party).HasConversion<string>().HasMaxLength(20);
                answers.Property(a => a.PartyName).HasMaxLength(QaAnswer.PartyNameMaxLength);
                answers.Property(a => a.SpeakerRole).HasMaxLength(QaAnswer.SpeakerRoleMaxLength);
                answers.Property(a => a.Text).HasMaxLength(QaAnswer.TextMaxLength);
            });
            rows.OwnsOne(r => r.FollowUp, followUp =>
            {
                followUp.Property(f => f.What).HasColumnName("FollowUpWhat").HasMaxLength(FollowUp.WhatMaxLength);
                followUp.Property(f => f.Who).HasColumnName("FollowUpWho").HasMaxLength(FollowUp.WhoMaxLength);
                followUp.Property(f => f.DueOn).HasColumnName("FollowUpDueOn");
                followUp.Property(f => f.DoneOn).HasColumnName("FollowUpDoneOn");
                followUp.Property(f => f.DoneByUserId).HasColumnName("FollowUpDoneByUserId").HasMaxLength(Proposal.UserIdMaxLength);
                followUp.Ignore(f => f.IsOpen);
            });
            rows.Navigation(r => r.FollowUp).IsRequired(false);
        });
        builder.OwnsMany(m => m.Suggestions, suggestions =>
        {
            suggestions.ToTable("MinutesCorrectionSuggestions");
            suggestions.WithOwner().HasForeignKey("MinutesId");
            suggestions.HasKey(s => s.Id);
            suggestions.Property(s => s.OriginalText).HasMaxLength(QaAnswer.TextMaxLength);
            suggestions.Property(s => s.SuggestedText).HasMaxLength(QaAnswer.TextMaxLength);
            suggestions.Property(s => s.Party).HasConversion<string>().HasMaxLength(20);
            suggestions.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            suggestions.Property(s => s.ByUserId).HasMaxLength(Proposal.UserIdMaxLength);
            suggestions.Property(s => s.DecidedByUserId).HasMaxLength(Proposal.UserIdMaxLength);
            suggestions.Property(s => s.DecisionComment).HasMaxLength(CorrectionSuggestion.CommentMaxLength);
            suggestions.Ignore(s => s.IsPending);
        });
        builder.OwnsMany(m => m.History, history =>
        {
            history.ToTable("MinutesStatusChanges");
            history.WithOwner().HasForeignKey("MinutesId");
            history.HasKey(h => h.Id);
            history.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.Actor).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.ByUserId).HasMaxLength(Proposal.UserIdMaxLength);
            history.Property(h => h.Comment).HasMaxLength(MinutesStatusChange.CommentMaxLength);
        });
    }
}
