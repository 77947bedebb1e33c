using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Support.Scenarios;

/// <summary>
/// Seed 002's guideline (one per test database: the pages show the first), its period 1 adopted,
/// and the seed's measures of areas (1)–(4) saved for a new department of this scenario, with a
/// coordinator, a staff member of that department and one of another department.
/// </summary>
public sealed record GuidelineScenario(
    KyodoWebFactory Factory,
    Department Department,
    Department OtherDepartment,
    IReadOnlyList<int> MeasureIds,
    string CoordinatorEmail,
    string StaffEmail,
    string OtherStaffEmail)
{
    public static async Task<GuidelineScenario> CreateAsync(KyodoWebFactory factory, int copies = 1)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var department = await factory.AddDepartmentAsync("施策担当課" + suffix);
        var other = await factory.AddDepartmentAsync("施策外の課" + suffix);
        var ids = await factory.QueryAsync(async db =>
        {
            var guideline = await Tracked(db) ?? db.Guidelines.Add(Seed002Guideline.Build()).Entity;
            var measures = Enumerable.Range(0, copies).SelectMany(_ => Seed002Guideline.BuildMeasures(guideline, [department.Id])).ToList();
            db.GuidelineMeasures.AddRange(measures);
            await db.SaveChangesAsync();
            return measures.Select(m => m.Id).ToList();
        });
        var coordinator = $"guideline-coordinator-{suffix}@example.jp";
        var staff = $"guideline-staff-{suffix}@example.jp";
        var otherStaff = $"guideline-other-{suffix}@example.jp";
        await factory.CreateUserAsync(coordinator, [KyodoRoles.Coordinator], departmentId: null, groupId: null);
        await factory.CreateUserAsync(staff, [KyodoRoles.DepartmentStaff], department.Id, groupId: null);
        await factory.CreateUserAsync(otherStaff, [KyodoRoles.DepartmentStaff], other.Id, groupId: null);
        return new GuidelineScenario(factory, department, other, ids, coordinator, staff, otherStaff);
    }

    public async Task<PageClient> SignInAsync(string email)
    {
        var client = Factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return client;
    }

    /// <summary>A year's progress through the real transitions: recorded, then submitted and confirmed as asked.</summary>
    public Task RecordAsync(int measureId, int fiscalYear, MeasureProgressStatus status, ProgressReviewStatus review) =>
        Factory.QueryAsync(async db =>
        {
            var measure = await db.GuidelineMeasures.Include(m => m.Period).SingleAsync(m => m.Id == measureId);
            var progress = new MeasureProgress(measure, fiscalYear, new ProgressEntry(status, "講座を開いた。", "講座 3回", 3m, MeasureEffectiveness.Some, "参加者が増えた。"));
            if (review != ProgressReviewStatus.Draft)
            {
                progress.Submit(ProgressActor.Department, "seed", DateTime.UtcNow);
            }

            if (review == ProgressReviewStatus.Confirmed)
            {
                progress.Confirm("seed", DateTime.UtcNow);
            }
            else if (review == ProgressReviewStatus.Returned)
            {
                progress.Return("数値を確認してください。", "seed", DateTime.UtcNow);
            }

            db.MeasureProgress.Add(progress);
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// Puts every period-1 measure without a review under review, gives this scenario's first measure
    /// a proposal and two committee opinions, and returns that review's id.
    /// </summary>
    public Task<int> OpenReviewAsync() =>
        Factory.QueryAsync(async db =>
        {
            var guideline = (await Tracked(db))!;
            var waiting = await db.GuidelineMeasures.Include(m => m.Period)
                .Where(m => m.Period.Number == 1 && !db.MeasureReviews.Any(r => r.MeasureId == m.Id)).ToListAsync();
            db.MeasureReviews.AddRange(waiting.Select(m => new MeasureReview(m)));
            await db.SaveChangesAsync();
            var review = await db.MeasureReviews.Include(r => r.Period).Include(r => r.Measure).SingleAsync(r => r.MeasureId == MeasureIds[0]);
            review.Propose(guideline, MeasureDecision.Keep, "効果がある。", null);
            review.AddOpinion("seed-member-1", "続けてほしい。", DateTime.UtcNow);
            review.AddOpinion("seed-member-2", "周知を強めてほしい。", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return review.Id;
        });

    /// <summary>Decides every undecided review of period 1 as 続行, except those of <paramref name="except"/>.</summary>
    public Task DecideRestAsync(params int[] except) =>
        Factory.QueryAsync(async db =>
        {
            var reviews = await db.MeasureReviews.Include(r => r.Period).Include(r => r.Measure)
                .Where(r => r.Period.Number == 1 && r.Decision == null && r.MeasureId != null && !except.Contains(r.MeasureId.Value)).ToListAsync();
            reviews.ForEach(r => r.Decide(MeasureDecision.Keep, null, "seed", new DateOnly(2025, 2, 1)));
            return await db.SaveChangesAsync();
        });

    /// <summary>Closes period 1 (the domain's move), making it read-only.</summary>
    public Task ClosePeriodAsync() =>
        Factory.QueryAsync(async db =>
        {
            var guideline = (await Tracked(db))!;
            guideline.PeriodNumbered(1).Close();
            return await db.SaveChangesAsync();
        });

    private static Task<Guideline?> Tracked(KyodoDbContext db) =>
        db.Guidelines.Include(g => g.Periods).ThenInclude(p => p.Deadlines).Include(g => g.Classifications).Include(g => g.Areas).ThenInclude(a => a.SubAreas)
            .AsSplitQuery().OrderBy(g => g.Id).FirstOrDefaultAsync();
}
