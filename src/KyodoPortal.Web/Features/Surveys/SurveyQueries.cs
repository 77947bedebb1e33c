using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Surveys;

public sealed record SurveyRow(int Id, string Title, SurveyStatus Status, DateOnly OpensOn, DateOnly ClosesOn, int? TargetCount, bool IsAnonymous, int Responses);

/// <summary>A survey a signed-in person may answer or read the results of.</summary>
public sealed record MySurveyRow(int Id, string Title, SurveyStatus Status, DateOnly OpensOn, DateOnly ClosesOn, bool IsAnonymous, bool Answered);

/// <summary>A survey's responses, and how many of them are paper sheets typed in by the coordinator or rows imported from a file.</summary>
public sealed record ResponseCounts(int All, int PaperSheets, int Imported = 0);

public static class SurveyQueries
{
    /// <summary>The office's list: newest answer period first; sorted by title or period, searched by title.</summary>
    public static readonly SortColumns<Survey> Columns = new SortColumns<Survey>("period", defaultDescending: true, s => s.Id)
        .Column("title", s => s.Title)
        .Column("period", s => s.OpensOn);

    /// <summary>A person's list has no column headers, only the search: latest closing first.</summary>
    public static readonly SortColumns<Survey> MineColumns = new SortColumns<Survey>("closes", defaultDescending: true, s => s.Id)
        .Column("closes", s => s.ClosesOn);

    /// <summary>The count and the page (20 a page), with each survey's number of responses in the same statement.</summary>
    public static async Task<SurveyListViewModel> ListAsync(KyodoDbContext db, ListRequest request, int page, CancellationToken cancellationToken)
    {
        var query = Columns.Query(request);
        var surveys = db.Surveys.AsNoTracking();
        if (query.Q is { } term)
        {
            surveys = surveys.Where(s => s.Title.Contains(term));
        }

        var rows = await Columns.Apply(surveys, query.Sort)
            .Select(s => new SurveyRow(s.Id, s.Title, s.Status, s.OpensOn, s.ClosesOn, s.TargetCount, s.IsAnonymous, db.SurveyResponses.Count(r => r.SurveyId == s.Id)))
            .ToPageAsync(page, cancellationToken);
        return new SurveyListViewModel(rows, query);
    }

    /// <summary>
    /// Open surveys whose audience includes the person (as <see cref="Survey.IsInAudience"/> decides,
    /// in SQL), and published results they may read: public ones of their audience, and those
    /// published to respondents that they answered. Latest closing first; searched by title, 20 a page.
    /// </summary>
    public static async Task<MySurveysViewModel> MineAsync(KyodoDbContext db, SurveyRespondent who, string? q, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var query = MineColumns.Query(new ListRequest(q, null, null));
        var (userId, departmentId, groupId) = (who.UserId, who.DepartmentId, who.CitizenGroupId);
        var surveys = db.Surveys.AsNoTracking()
            .Where(s => (s.Status == SurveyStatus.Open || (s.Status == SurveyStatus.ResultsPublished && s.ResultsScope == SurveyResultsScope.Public))
                    && (s.AudienceKind == SurveyAudienceKind.AnySignedIn
                        || (s.AudienceKind == SurveyAudienceKind.NamedAccounts && s.Audience.Any(a => a.UserId == userId))
                        || (s.AudienceKind == SurveyAudienceKind.Departments && departmentId != null && s.Audience.Any(a => a.DepartmentId == departmentId))
                        || (s.AudienceKind == SurveyAudienceKind.Groups && groupId != null && s.Audience.Any(a => a.CitizenGroupId == groupId)))
                || (s.Status == SurveyStatus.ResultsPublished && s.ResultsScope == SurveyResultsScope.Respondents
                    && db.SurveyParticipations.Any(p => p.SurveyId == s.Id && p.UserId == userId)));
        if (query.Q is { } term)
        {
            surveys = surveys.Where(s => s.Title.Contains(term));
        }

        var rows = await MineColumns.Apply(surveys, query.Sort)
            .Select(s => new MySurveyRow(s.Id, s.Title, s.Status, s.OpensOn, s.ClosesOn, s.IsAnonymous, db.SurveyParticipations.Any(p => p.SurveyId == s.Id && p.UserId == userId)))
            .ToPageAsync(page, cancellationToken);
        return new MySurveysViewModel(rows, query);
    }

    /// <summary>The survey with its questions and options (untracked: for pages).</summary>
    public static Task<Survey?> SurveyAsync(KyodoDbContext db, int id, CancellationToken cancellationToken) =>
        Surveys(db).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>The survey with its questions and options, tracked, for a change.</summary>
    public static Task<Survey?> TrackedAsync(KyodoDbContext db, int id, CancellationToken cancellationToken) =>
        Surveys(db).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>All responses and the paper sheets and imported rows among them, in one statement.</summary>
    public static async Task<ResponseCounts> ResponseCountsAsync(KyodoDbContext db, int id, CancellationToken cancellationToken)
    {
        var bySource = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == id)
            .GroupBy(r => r.Source).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new ResponseCounts(bySource.Sum(x => x.Count), bySource.Where(x => x.Key == SurveyMethod.Paper).Sum(x => x.Count), bySource.Where(x => x.Key == SurveyMethod.Imported).Sum(x => x.Count));
    }

    /// <summary>
    /// What the survey page says of the audience: the named accounts' addresses, or the chosen
    /// departments' or groups' names with how many active accounts belong to them now (a hint for
    /// the target count). One statement for the names, one for the count.
    /// </summary>
    public static async Task<AudienceSummary> AudienceSummaryAsync(KyodoDbContext db, Survey survey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var userIds = survey.Audience.Where(a => a.UserId is not null).Select(a => a.UserId!).ToList();
        var departmentIds = survey.Audience.Where(a => a.DepartmentId is not null).Select(a => a.DepartmentId!.Value).ToList();
        var groupIds = survey.Audience.Where(a => a.CitizenGroupId is not null).Select(a => a.CitizenGroupId!.Value).ToList();
        switch (survey.AudienceKind)
        {
            case SurveyAudienceKind.NamedAccounts:
                var emails = await AudienceEmailsAsync(db, userIds, cancellationToken);
                return new AudienceSummary(emails, emails.Count);
            case SurveyAudienceKind.Departments:
                return new AudienceSummary(
                    await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(cancellationToken),
                    await db.Users.CountAsync(u => u.IsActive && u.DepartmentId != null && departmentIds.Contains(u.DepartmentId.Value), cancellationToken));
            case SurveyAudienceKind.Groups:
                return new AudienceSummary(
                    await db.CitizenGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).OrderBy(g => g.Name).Select(g => g.Name).ToListAsync(cancellationToken),
                    await db.Users.CountAsync(u => u.IsActive && u.CitizenGroupId != null && groupIds.Contains(u.CitizenGroupId.Value), cancellationToken));
            default:
                return new AudienceSummary([], null);
        }
    }

    /// <summary>The active departments and groups the survey form offers (and any already chosen), in one statement.</summary>
    public static async Task<AudienceChoices> AudienceChoicesAsync(KyodoDbContext db, SurveyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var departmentIds = input.DepartmentIds;
        var groupIds = input.GroupIds;
        var rows = await db.Departments.AsNoTracking().Where(d => d.IsActive || departmentIds.Contains(d.Id)).Select(d => new { d.Id, d.Name, IsGroup = false })
            .Concat(db.CitizenGroups.AsNoTracking().Where(g => g.IsActive || groupIds.Contains(g.Id)).Select(g => new { g.Id, g.Name, IsGroup = true }))
            .ToListAsync(cancellationToken);
        return new AudienceChoices(
            [.. rows.Where(r => !r.IsGroup).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new AudienceChoice(r.Id, r.Name))],
            [.. rows.Where(r => r.IsGroup).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new AudienceChoice(r.Id, r.Name))]);
    }

    /// <summary>E-mail addresses of the named accounts (for the form and the survey page).</summary>
    public static Task<List<string>> AudienceEmailsAsync(KyodoDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(cancellationToken);

    /// <summary>Account ids of the addresses; addresses that match no account are returned apart.</summary>
    public static async Task<(List<string> UserIds, List<string> Unknown)> AccountsAsync(KyodoDbContext db, IReadOnlyList<string> emails, CancellationToken cancellationToken)
    {
        var normalized = emails.Select(e => e.ToUpperInvariant()).ToList();
        var found = await db.Users.AsNoTracking().Where(u => normalized.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken);
        var unknown = emails.Where(e => found.All(f => !string.Equals(f.NormalizedEmail, e, StringComparison.OrdinalIgnoreCase))).ToList();
        return ([.. found.Select(f => f.Id)], unknown);
    }

    /// <summary>
    /// What the results are computed from, counted in the database (GROUP BY): four statements
    /// whatever the number of answers or questions.
    /// </summary>
    public static async Task<SurveyTally> TallyAsync(KyodoDbContext db, int surveyId, CancellationToken cancellationToken)
    {
        var questionIds = db.Set<SurveyQuestion>().Where(q => q.SurveyId == surveyId).Select(q => q.Id);
        var respondents = await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, cancellationToken);
        var byQuestion = await db.Set<SurveyAnswer>()
            .Where(a => questionIds.Contains(a.QuestionId))
            .GroupBy(a => a.QuestionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var byOption = await db.Set<SurveyAnswerChoice>()
            .Where(c => questionIds.Contains(c.QuestionId))
            .GroupBy(c => c.OptionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var texts = await db.Set<SurveyAnswer>()
            .Where(a => questionIds.Contains(a.QuestionId) && (a.Text != null || a.Reason != null || a.OtherText != null))
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.QuestionId,
                a.Text,
                a.Reason,
                a.OtherText,
                OptionId = db.Set<SurveyAnswerChoice>()
                    .Where(c => c.ResponseId == a.ResponseId && c.QuestionId == a.QuestionId)
                    .OrderBy(c => c.OptionId)
                    .Select(c => (int?)c.OptionId)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var textAnswers = new List<SurveyTextAnswer>();
        foreach (var t in texts)
        {
            if (t.Text is { } text)
            {
                textAnswers.Add(new SurveyTextAnswer(t.QuestionId, null, SurveyTextKind.FreeText, text));
            }

            if (t.Reason is { } reason)
            {
                textAnswers.Add(new SurveyTextAnswer(t.QuestionId, t.OptionId, SurveyTextKind.Reason, reason));
            }

            if (t.OtherText is { } other)
            {
                textAnswers.Add(new SurveyTextAnswer(t.QuestionId, t.OptionId, SurveyTextKind.OtherText, other));
            }
        }

        return new SurveyTally(respondents, byQuestion, byOption, textAnswers);
    }

    /// <summary>Respondents per (row option, column option) of two single-answer questions: one GROUP BY over a self-join.</summary>
    public static async Task<Dictionary<(int Row, int Column), int>> CrossCountsAsync(KyodoDbContext db, int rowQuestionId, int columnQuestionId, CancellationToken cancellationToken)
    {
        var choices = db.Set<SurveyAnswerChoice>();
        var rows = await (
                from r in choices.Where(c => c.QuestionId == rowQuestionId)
                join c in choices.Where(c => c.QuestionId == columnQuestionId) on r.ResponseId equals c.ResponseId
                group r by new { Row = r.OptionId, Column = c.OptionId } into g
                select new { g.Key.Row, g.Key.Column, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(x => (x.Row, x.Column), x => x.Count);
    }

    private static IQueryable<Survey> Surveys(KyodoDbContext db) =>
        db.Surveys.Include(s => s.Questions).ThenInclude(q => q.Options).AsSplitQuery();
}
