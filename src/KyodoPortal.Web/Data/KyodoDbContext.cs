using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Domain.Themes;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Data;

/// <summary>
/// The model, shared by every provider. Provider-specific code lives only in the thin
/// subclasses (<see cref="SqliteKyodoDbContext"/>, <see cref="PostgresKyodoDbContext"/>) and
/// their migrations folders, so another provider is one more subclass and folder.
/// </summary>
public abstract class KyodoDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Department> Departments => Set<Department>();

    public DbSet<CitizenGroup> CitizenGroups => Set<CitizenGroup>();

    public DbSet<ActivityField> ActivityFields => Set<ActivityField>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<ScreeningPanel> ScreeningPanels => Set<ScreeningPanel>();

    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectPlan> ProjectPlans => Set<ProjectPlan>();

    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();

    public DbSet<ActivityRecord> ActivityRecords => Set<ActivityRecord>();

    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();

    public DbSet<EvaluationRound> EvaluationRounds => Set<EvaluationRound>();

    public DbSet<EvaluationSheet> EvaluationSheets => Set<EvaluationSheet>();

    public DbSet<SelfEvaluation> SelfEvaluations => Set<SelfEvaluation>();

    public DbSet<ReportMeeting> ReportMeetings => Set<ReportMeeting>();

    public DbSet<Minutes> Minutes => Set<Minutes>();

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<SurveyParticipation> SurveyParticipations => Set<SurveyParticipation>();

    public DbSet<SurveyImportedRow> SurveyImportedRows => Set<SurveyImportedRow>();

    public DbSet<Features.Surveys.SurveyImportUpload> SurveyImportUploads => Set<Features.Surveys.SurveyImportUpload>();

    public DbSet<Guideline> Guidelines => Set<Guideline>();

    public DbSet<GuidelineMeasure> GuidelineMeasures => Set<GuidelineMeasure>();

    public DbSet<MeasureProgress> MeasureProgress => Set<MeasureProgress>();

    public DbSet<MeasureReview> MeasureReviews => Set<MeasureReview>();

    /// <summary>Keys of creating forms already saved (a second post answers with the first one's result).</summary>
    public DbSet<Infrastructure.Forms.FormSubmission> FormSubmissions => Set<Infrastructure.Forms.FormSubmission>();

    /// <summary>
    /// Data-protection keys (session cookie, antiforgery tokens, TempData), shared by every app
    /// instance on this database; see Infrastructure/Security/DataProtectionSetup.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>True when the save failed on a unique index (someone registered the same name first).</summary>
    public abstract bool IsUniqueViolation(DbUpdateException exception);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KyodoDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every update of a versioned entity writes Version + 1 with "WHERE Version = original",
    /// which EF turns into a <see cref="DbUpdateConcurrencyException"/> when someone saved first.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }
}
