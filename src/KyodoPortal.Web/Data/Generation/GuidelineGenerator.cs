using KyodoPortal.Domain.Guidelines;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// 指針: seed 002's scheme and areas with a period every five years of the twenty (four periods);
/// 200 measures a period at scale 1, each with its progress for every fiscal year (confirmed, and in
/// the current year still drafts, submitted or missing). Every period but the current one is reviewed
/// through the domain (about 70 % 続行, 15 % 修正, 15 % 削除, as many 追加; opinions of the committee on a
/// third) and the next period is started from the decisions, so measures carry their history; the
/// current period's measures are linked to projects of its years. One unit of work per period.
/// </summary>
internal sealed class GuidelineGenerator(GenerationSession session)
{
    private const int YearsPerPeriod = 5;

    /// <summary>Measures of a period: 200 at scale 1 (the matrix of issue 17 is measured on it).</summary>
    public int MeasuresPerPeriod => Math.Max(5, (int)Math.Round(200 * session.Options.Scale));

    public async Task RunAsync()
    {
        var periods = CityGeneratorOptions.FiscalYears / YearsPerPeriod;
        int guidelineId;
        await using (var unit = session.Begin())
        {
            var guideline = Seed002Guideline.BuildScheme();
            var first = guideline.AddPeriod(session.FirstFiscalYear, session.FirstFiscalYear + YearsPerPeriod - 1);
            first.Adopt(new DateOnly(session.FirstFiscalYear, 8, 1));
            unit.Db.Guidelines.Add(guideline);
            unit.Db.GuidelineMeasures.AddRange(Enumerable.Range(0, MeasuresPerPeriod).Select(n => NewMeasure(guideline, first, n)));
            await unit.SaveAsync();
            guidelineId = guideline.Id;
        }

        for (var number = 1; number <= periods; number++)
        {
            await using var unit = session.Begin();
            var db = unit.Db;
            var guideline = await db.Guidelines.AsTracking()
                .Include(g => g.Periods).Include(g => g.Classifications).Include(g => g.Areas).ThenInclude(a => a.SubAreas)
                .AsSplitQuery().SingleAsync(g => g.Id == guidelineId);
            var period = guideline.PeriodNumbered(number);
            var measures = await db.GuidelineMeasures.AsTracking().Include(m => m.Departments).Include(m => m.Area).Include(m => m.SubArea).Include(m => m.Classification)
                .Where(m => m.PeriodId == period.Id).OrderBy(m => m.Id).AsSplitQuery().ToListAsync();
            var isCurrent = number == periods;
            foreach (var measure in measures)
            {
                foreach (var year in period.FiscalYears.Where(y => y <= session.CurrentFiscalYear))
                {
                    if (Progress(measure, year, isCurrent && year == session.CurrentFiscalYear) is { } progress)
                    {
                        db.MeasureProgress.Add(progress);
                    }
                }
            }

            if (isCurrent)
            {
                await LinkProjectsAsync(db, period, measures);
                await unit.SaveAsync();
                break;
            }

            var reviews = Review(guideline, period, measures);
            db.MeasureReviews.AddRange(reviews);
            var next = guideline.AddPeriod(period.LastFiscalYear + 1, period.LastFiscalYear + YearsPerPeriod);
            var built = PeriodTransition.StartNext(guideline, period, measures, reviews, nextHasMeasures: false);
            foreach (var added in built.Where(m => m.Departments.Count == 0))
            {
                added.Update(guideline, new MeasureDraft(added.Title, added.Description, added.Area, added.SubArea, added.Classification, added.IsPriority, [Pick(session.People.Departments).Id]));
            }

            db.GuidelineMeasures.AddRange(built);
            next.Adopt(new DateOnly(next.FirstFiscalYear, 8, 1));
            await unit.SaveAsync();
        }
    }

    private GuidelineMeasure NewMeasure(Guideline guideline, GuidelinePeriod period, int n)
    {
        var seed = Seed002Guideline.Measures[n % Seed002Guideline.Measures.Count];
        var area = guideline.AreaNumbered(seed.Area);
        var departments = session.People.Departments;
        var inCharge = session.Random.Bool(0.3f)
            ? new[] { Pick(departments).Id, Pick(departments).Id }.Distinct().ToList()
            : [Pick(departments).Id];
        return new GuidelineMeasure(guideline, period, new MeasureDraft(
            n < Seed002Guideline.Measures.Count ? seed.Title : $"{seed.Title}（その{(n / Seed002Guideline.Measures.Count) + 1}）",
            seed.Description,
            area,
            area.FindSubArea(seed.SubArea),
            guideline.FindClassification(seed.Classification),
            seed.IsPriority,
            inCharge));
    }

    /// <summary>A year's record: confirmed for a past year; in the current year a draft, submitted or missing.</summary>
    private MeasureProgress? Progress(GuidelineMeasure measure, int year, bool current)
    {
        if (current && session.Random.Bool(0.3f))
        {
            return null;
        }

        var status = session.Random.ArrayElement([MeasureProgressStatus.InProgress, MeasureProgressStatus.Continuing, MeasureProgressStatus.Done, MeasureProgressStatus.UnderConsideration]);
        var people = session.Random.Int(10, 300);
        var progress = new MeasureProgress(measure, year, new ProgressEntry(
            status,
            $"{session.Text.ActivityName()}を実施し、関係課と情報を共有した。",
            $"講座・説明会 {session.Random.Int(1, 12)}回、参加者 延べ {people}人",
            people,
            session.Random.ArrayElement([MeasureEffectiveness.High, MeasureEffectiveness.Some, MeasureEffectiveness.Some, MeasureEffectiveness.CannotJudge]),
            session.Text.Outcome()));
        var submittedOn = GenerationSession.At(new DateOnly(year + 1, 5, session.Random.Int(1, 28)));
        if (current && session.Random.Bool(0.5f))
        {
            return progress; // a draft
        }

        progress.Submit(ProgressActor.Department, session.People.StaffByDepartment.GetValueOrDefault(measure.Departments[0].DepartmentId) ?? session.People.Coordinator, submittedOn);
        if (!current)
        {
            progress.Confirm(session.People.Coordinator, submittedOn.AddDays(7));
        }

        return progress;
    }

    /// <summary>The period's review, every measure decided; as many additions as deletions.</summary>
    private List<MeasureReview> Review(Guideline guideline, GuidelinePeriod period, List<GuidelineMeasure> measures)
    {
        var decidedOn = new DateOnly(period.LastFiscalYear + 1, 2, 10);
        var reviews = new List<MeasureReview>();
        var deleted = 0;
        foreach (var measure in measures)
        {
            var review = new MeasureReview(measure);
            var roll = session.Random.Int(1, 100);
            var decision = roll <= 70 ? MeasureDecision.Keep : roll <= 85 ? MeasureDecision.Revise : MeasureDecision.Delete;
            review.Assess(
                decision == MeasureDecision.Delete ? ReviewImplementation.Implemented : session.Random.ArrayElement([ReviewImplementation.Implemented, ReviewImplementation.Partly]),
                session.Random.ArrayElement([MeasureEffectiveness.High, MeasureEffectiveness.Some, MeasureEffectiveness.Low]),
                decision switch { MeasureDecision.Keep => ReviewNecessity.Needed, MeasureDecision.Revise => ReviewNecessity.NeedsChange, _ => ReviewNecessity.NotNeeded },
                session.Text.Outcome());
            var next = decision == MeasureDecision.Revise
                ? new MeasureDraft($"{BaseTitle(measure.Title)}（第{period.Number + 1}期改訂）", measure.Description, measure.Area, measure.SubArea, measure.Classification, measure.IsPriority, [])
                : null;
            review.Propose(guideline, decision, session.Text.Problem(), next);
            if (session.Random.Bool(0.33f) && session.People.Committee.Count > 0)
            {
                review.AddOpinion(Pick(session.People.Committee).Id, session.Text.NextYear(), GenerationSession.At(decidedOn.AddDays(-20)));
            }

            review.Decide(decision, null, session.People.Coordinator, decidedOn);
            deleted += decision == MeasureDecision.Delete ? 1 : 0;
            reviews.Add(review);
        }

        for (var n = 0; n < deleted; n++)
        {
            var seed = Pick(Seed002Guideline.Measures);
            var area = guideline.AreaNumbered(seed.Area);
            var addition = MeasureReview.ForNewMeasure(guideline, period, new MeasureDraft(
                $"{session.Text.ActivityName()}による新たな協働の取組（第{period.Number + 1}期追加）", seed.Description, area, area.FindSubArea(seed.SubArea), guideline.FindClassification(seed.Classification), seed.IsPriority, []), session.Text.Problem());
            addition.Decide(MeasureDecision.Add, null, session.People.Coordinator, decidedOn);
            reviews.Add(addition);
        }

        return reviews;
    }

    /// <summary>Each measure of the current period linked to one or two projects that started in its years.</summary>
    private async Task LinkProjectsAsync(KyodoDbContext db, GuidelinePeriod period, List<GuidelineMeasure> measures)
    {
        var projects = await db.Projects.Where(p => p.StartFiscalYear >= period.FirstFiscalYear && p.StartFiscalYear <= period.LastFiscalYear)
            .Select(p => p.Id).ToListAsync();
        if (projects.Count == 0)
        {
            return;
        }

        foreach (var measure in measures)
        {
            foreach (var project in new[] { Pick(projects), Pick(projects) }.Take(session.Random.Int(1, 2)).Distinct())
            {
                measure.Link(MeasureLinkKind.Project, project);
            }
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[session.Random.Int(0, items.Count - 1)];

    /// <summary>The title without an earlier revision's suffix (「（第3期改訂）」).</summary>
    private static string BaseTitle(string title) =>
        title.IndexOf("（第", StringComparison.Ordinal) is var at and > 0 ? title[..at] : title;
}
