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

    /// <summary>Open surveys and published results whose audience includes the account, latest closing first; searched by title, 20 a page.</summary>
    public static async Task<MySurveysViewModel> MineAsync(KyodoDbContext db, string userId, string? q, int page, CancellationToken cancellationToken)
    {
        var query = MineColumns.Query(new ListRequest(q, null, null));
        var surveys = db.Surveys.AsNoTracking()
            .Where(s => (s.Status == SurveyStatus.Open || s.Status == SurveyStatus.ResultsPublished)
                && (s.AudienceKind == SurveyAudienceKind.AnySignedIn || s.Audience.Any(a => a.UserId == userId)));
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
