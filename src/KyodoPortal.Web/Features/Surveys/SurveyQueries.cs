using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

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
    /// <summary>How many groups besides the chosen ones the form offers at once (the rest are found by name).</summary>
    public const int GroupsOffered = 100;

    /// <summary>
    /// The departments (active, or chosen) and the groups the form offers: the chosen ones and the first
    /// <see cref="GroupsOffered"/> other active groups whose name contains the search, by name; one statement.
    /// </summary>
    public static async Task<AudienceChoices> AudienceChoicesAsync(KyodoDbContext db, SurveyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var departmentIds = input.DepartmentIds;
        var groupIds = input.GroupIds;
        var groupQuery = string.IsNullOrWhiteSpace(input.GroupQuery) ? null : input.GroupQuery.Trim();
        var groups = db.CitizenGroups.AsNoTracking();
        var others = groups.Where(g => g.IsActive && !groupIds.Contains(g.Id));
        if (groupQuery is not null)
        {
            others = others.Where(g => g.Name.Contains(groupQuery));
        }

        var rows = await db.Departments.AsNoTracking().Where(d => d.IsActive || departmentIds.Contains(d.Id)).Select(d => new { d.Id, d.Name, Kind = 0 })
            .Concat(groups.Where(g => groupIds.Contains(g.Id)).Select(g => new { g.Id, g.Name, Kind = 1 }))
            .Concat(others.OrderBy(g => g.Name).ThenBy(g => g.Id).Take(GroupsOffered + 1).Select(g => new { g.Id, g.Name, Kind = 2 }))
            .ToListAsync(cancellationToken);
        var offered = rows.Where(r => r.Kind == 2).ToList();
        return new AudienceChoices(
            [.. rows.Where(r => r.Kind == 0).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new AudienceChoice(r.Id, r.Name))],
            [
                .. rows.Where(r => r.Kind == 1).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new AudienceChoice(r.Id, r.Name)),
                .. offered.Take(GroupsOffered).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new AudienceChoice(r.Id, r.Name)),
            ],
            GroupsFound: Math.Min(offered.Count, GroupsOffered),
            MoreGroups: offered.Count > GroupsOffered);
    }

    /// <summary>How many projects besides the chosen one the form offers at once (the rest are found by title).</summary>
    public const int ProjectsOffered = 100;

    /// <summary>
    /// What a survey may say it serves: every guideline measure (a few hundred, by period, whatever the
    /// city's size) and the projects running from last fiscal year on whose title contains the search,
    /// newest first, at most <see cref="ProjectsOffered"/>, with the one already chosen; one statement.
    /// </summary>
    public static async Task<LinkChoices> LinkChoicesAsync(KyodoDbContext db, SurveyInput input, FiscalYear current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var chosenProject = input.ProjectId;
        var from = current.StartYear - 1;
        var projectQuery = string.IsNullOrWhiteSpace(input.ProjectQuery) ? null : input.ProjectQuery.Trim();
        var others = db.Projects.AsNoTracking().Where(p => p.EndFiscalYear >= from && p.Id != chosenProject);
        if (projectQuery is not null)
        {
            others = others.Where(p => p.Title.Contains(projectQuery));
        }

        var rows = await db.Set<GuidelineMeasure>().AsNoTracking().Select(m => new { m.Id, m.Title, Group = m.Period.Number, Kind = 0 })
            .Concat(db.Projects.AsNoTracking().Where(p => p.Id == chosenProject).Select(p => new { p.Id, p.Title, Group = p.StartFiscalYear, Kind = 1 }))
            .Concat(others.OrderByDescending(p => p.StartFiscalYear).ThenBy(p => p.Title).ThenBy(p => p.Id).Take(ProjectsOffered + 1)
                .Select(p => new { p.Id, p.Title, Group = p.StartFiscalYear, Kind = 2 }))
            .ToListAsync(cancellationToken);
        var offered = rows.Where(r => r.Kind == 2).Take(ProjectsOffered).ToList();
        return new LinkChoices(
            [.. rows.Where(r => r.Kind == 0).OrderBy(r => r.Group).ThenBy(r => r.Id).Select(r => new LinkChoice(r.Id, r.Title, r.Group))],
            [
                .. rows.Where(r => r.Kind == 1).Concat(offered).OrderByDescending(r => r.Group).ThenBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.Id)
                    .Select(r => new LinkChoice(r.Id, r.Title, r.Group)),
            ],
            ProjectsFound: offered.Count,
            MoreProjects: rows.Count(r => r.Kind == 2) > ProjectsOffered);
    }

    /// <summary>The titles of the measure and project a survey serves; no statement when it names neither.</summary>
    public static async Task<SurveyLinks> LinksAsync(KyodoDbContext db, Survey survey, CancellationToken cancellationToken)
    {
        if (survey.GuidelineMeasureId is null && survey.ProjectId is null)
        {
            return new SurveyLinks(null, null);
        }

        var (measureId, projectId) = (survey.GuidelineMeasureId, survey.ProjectId);
        var rows = await db.Set<GuidelineMeasure>().AsNoTracking().Where(m => m.Id == measureId).Select(m => new { m.Title, IsMeasure = true })
            .Concat(db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Title, IsMeasure = false }))
            .ToListAsync(cancellationToken);
        return new SurveyLinks(rows.FirstOrDefault(r => r.IsMeasure)?.Title, rows.FirstOrDefault(r => !r.IsMeasure)?.Title);
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
    /// whatever the number of answers or questions (three when no texts are wanted). With
    /// <paramref name="textsPerGroup"/> each group of texts (a question's free texts, or its reasons or
    /// 「その他」 texts under one option) brings its first texts and its total, so that a survey of 10,000
    /// answers does not put every text on the page (the rest are paged: <see cref="TextsPageAsync"/>);
    /// 0 brings none (the downloads' tables); null every text (the print view).
    /// </summary>
    public static async Task<SurveyTally> TallyAsync(KyodoDbContext db, Survey survey, int? textsPerGroup, CancellationToken cancellationToken)
    {
        var questionIds = db.Set<SurveyQuestion>().Where(q => q.SurveyId == survey.Id).Select(q => q.Id);
        var respondents = await db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id, cancellationToken);
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
        if (textsPerGroup == 0)
        {
            return new SurveyTally(respondents, byQuestion, byOption, []);
        }

        var rows = await FirstTextsSql(db, survey.Id, survey.IsAnonymous, textsPerGroup ?? int.MaxValue).ToListAsync(cancellationToken);
        var groups = rows
            .GroupBy(r => (r.QuestionId, r.OptionId, Kind: (SurveyTextKind)r.Kind))
            .Select(g => new SurveyTextGroup(g.Key.QuestionId, g.Key.OptionId, g.Key.Kind, g.First().Total, [.. g.OrderBy(r => r.Position).Select(r => r.Text)]))
            .ToList();
        return new SurveyTally(respondents, byQuestion, byOption, groups);
    }

    /// <summary>
    /// The first <paramref name="limit"/> texts of every group and each group's total, in one statement:
    /// <c>ROW_NUMBER()</c> and <c>COUNT(*)</c> over a window partitioned by question, option and kind,
    /// which EF Core's LINQ cannot say (a group's key here comes from a subquery: the option the respondent
    /// chose). Written in SQL that SQLite, PostgreSQL and SQL Server share, with the tables' and columns'
    /// names taken from the model and quoted by the provider; the survey id and the limit are parameters.
    /// </summary>
    internal static IQueryable<FirstTextRow> FirstTextsSql(KyodoDbContext db, int surveyId, bool anonymous, int limit)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var answer = db.Model.FindEntityType(typeof(SurveyAnswer))!;
        var choice = db.Model.FindEntityType(typeof(SurveyAnswerChoice))!;
        var question = db.Model.FindEntityType(typeof(SurveyQuestion))!;
        string Table(IEntityType type) => sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
        string Column(IEntityType type, string property) =>
            sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);
        string A(string property) => "a." + Column(answer, property);
        string C(string property) => "c." + Column(choice, property);
        var chosen = $"(SELECT MIN({C(nameof(SurveyAnswerChoice.OptionId))}) FROM {Table(choice)} c WHERE {C(nameof(SurveyAnswerChoice.ResponseId))} = {A(nameof(SurveyAnswer.ResponseId))} AND {C(nameof(SurveyAnswerChoice.QuestionId))} = {A(nameof(SurveyAnswer.QuestionId))})";
        var ofSurvey = $"{A(nameof(SurveyAnswer.QuestionId))} IN (SELECT q.{Column(question, nameof(SurveyQuestion.Id))} FROM {Table(question)} q WHERE q.{Column(question, nameof(SurveyQuestion.SurveyId))} = {{0}})";
        // The aliases are quoted too: PostgreSQL folds unquoted names to lower case, and the rows are read by name.
        var (id, questionId, optionId, kindAlias, text, position, total) = (
            sql.DelimitIdentifier("AnswerId"), sql.DelimitIdentifier(nameof(FirstTextRow.QuestionId)), sql.DelimitIdentifier(nameof(FirstTextRow.OptionId)),
            sql.DelimitIdentifier(nameof(FirstTextRow.Kind)), sql.DelimitIdentifier(nameof(FirstTextRow.Text)), sql.DelimitIdentifier(nameof(FirstTextRow.Position)), sql.DelimitIdentifier(nameof(FirstTextRow.Total)));
        string Branch(string column, string option, SurveyTextKind kind) =>
            $"SELECT {A(nameof(SurveyAnswer.Id))} AS {id}, {A(nameof(SurveyAnswer.QuestionId))} AS {questionId}, {option} AS {optionId}, {(int)kind} AS {kindAlias}, {A(column)} AS {text} " +
            $"FROM {Table(answer)} a WHERE {ofSurvey} AND {A(column)} IS NOT NULL";
        var texts = string.Join(" UNION ALL ", [
            Branch(nameof(SurveyAnswer.Reason), chosen, SurveyTextKind.Reason),
            Branch(nameof(SurveyAnswer.OtherText), chosen, SurveyTextKind.OtherText),
            Branch(nameof(SurveyAnswer.Text), "NULL", SurveyTextKind.FreeText)]);
        var group = $"PARTITION BY u.{questionId}, u.{optionId}, u.{kindAlias}";
        var order = anonymous ? $"u.{text}, u.{id}" : $"u.{id}";
        var query =
            $"SELECT t.{questionId}, t.{optionId}, t.{kindAlias}, t.{total}, t.{position}, t.{text} FROM (" +
            $"SELECT u.{questionId}, u.{optionId}, u.{kindAlias}, u.{text}, CAST(ROW_NUMBER() OVER ({group} ORDER BY {order}) AS INTEGER) AS {position}, CAST(COUNT(*) OVER ({group}) AS INTEGER) AS {total} " +
            $"FROM ({texts}) u) t WHERE t.{position} <= {{1}}";
        return db.Database.SqlQueryRaw<FirstTextRow>(query, surveyId, limit);
    }

    /// <summary>A row of <see cref="FirstTextsSql"/>.</summary>
    internal sealed class FirstTextRow
    {
        public int QuestionId { get; init; }

        public int? OptionId { get; init; }

        public int Kind { get; init; }

        public int Total { get; init; }

        public int Position { get; init; }

        public string Text { get; init; } = "";
    }

    /// <summary>
    /// One page of a group of texts (the results page's 「すべて見る」), in the order the results page lists
    /// them. A reason or 「その他」 text belongs to the option its respondent chose (the first, for several),
    /// as in <see cref="FirstTextsSql"/>.
    /// </summary>
    public static Task<PageOf<string>> TextsPageAsync(
        KyodoDbContext db, Survey survey, int questionId, SurveyTextKind kind, int? optionId, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var answers = db.Set<SurveyAnswer>().Where(a => a.QuestionId == questionId);
        var choices = db.Set<SurveyAnswerChoice>();
        if (optionId is { } option)
        {
            answers = answers.Where(a => choices.Where(c => c.ResponseId == a.ResponseId && c.QuestionId == questionId).Min(c => (int?)c.OptionId) == option);
        }

        var rows = kind switch
        {
            SurveyTextKind.Reason => answers.Where(a => a.Reason != null).Select(a => new SurveyTextRow { Id = a.Id, Text = a.Reason! }),
            SurveyTextKind.OtherText => answers.Where(a => a.OtherText != null).Select(a => new SurveyTextRow { Id = a.Id, Text = a.OtherText! }),
            _ => answers.Where(a => a.Text != null).Select(a => new SurveyTextRow { Id = a.Id, Text = a.Text! }),
        };
        var ordered = survey.IsAnonymous ? rows.OrderBy(t => t.Text).ThenBy(t => t.Id) : rows.OrderBy(t => t.Id);
        return ordered.Select(t => t.Text).ToPageAsync(page, cancellationToken, pageSize);
    }

    private sealed class SurveyTextRow
    {
        public int Id { get; init; }

        public string Text { get; init; } = "";
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
