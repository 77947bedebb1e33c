using KyodoPortal.Domain.Calls;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Calls;

public sealed record CallRow(int Id, string Name, ProposalType ProposalType, int FiscalYear, DateTime OpensAtUtc, DateTime ClosesAtUtc, bool IsPublished, int Proposals);

public sealed record CallListViewModel(PageOf<CallRow> Page, ListQuery Query, DateTime NowUtc, bool IsOffice);

public sealed record CriterionRow(string Name, string? Description, int Weight, int MaxPoints);

public sealed record CallDetails(
    int Id,
    string Name,
    ProposalType ProposalType,
    int FiscalYear,
    DateTime OpensAtUtc,
    DateTime ClosesAtUtc,
    long MaxCityShareTotal,
    long MaxCitySharePerYear,
    int MaxTermYears,
    string? Guidance,
    bool IsPublished,
    DateTime? ScreeningStartedAtUtc,
    IReadOnlyList<SelectOption> Themes,
    IReadOnlyList<CriterionRow> Criteria);

/// <param name="HasResults">Screening is closed and has decisions: the public results page exists.</param>
public sealed record CallDetailsViewModel(CallDetails Call, bool IsOpen, bool CanPropose, bool IsOffice, int ProposalCount, bool HasResults);

public static class CallQueries
{
    /// <summary>募集名, 提案の種類 (in the form's order), 対象年度 (the default, newest first), 受付期間.</summary>
    public static readonly SortColumns<Call> Columns = new SortColumns<Call>("year", defaultDescending: true, c => c.Id)
        .Column("name", c => c.Name)
        .Column("type", c => c.ProposalType == ProposalType.GroupProposal ? 0 : c.ProposalType == ProposalType.DepartmentProposal ? 1 : 2)
        .Column("year", c => c.FiscalYear).ThenBy(c => c.OpensAtUtc)
        .Column("period", c => c.OpensAtUtc).ThenBy(c => c.ClosesAtUtc);

    /// <summary>
    /// Calls searched by name and sorted as asked (newest first by default); the public sees published
    /// ones only; paged (they add up over the years).
    /// </summary>
    public static Task<PageOf<CallRow>> ListAsync(KyodoDbContext db, bool publishedOnly, ListQuery query, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var calls = db.Calls.AsNoTracking().Where(c => !publishedOnly || c.IsPublished);
        if (query.Q is { } term)
        {
            calls = calls.Where(c => c.Name.Contains(term));
        }

        return Columns.Apply(calls, query.Sort)
            .Select(c => new CallRow(c.Id, c.Name, c.ProposalType, c.FiscalYear, c.OpensAtUtc, c.ClosesAtUtc, c.IsPublished, db.Proposals.Count(p => p.CallId == c.Id)))
            .ToPageAsync(page, cancellationToken);
    }

    /// <summary>Two queries: the call with its criteria, then its themes (SQLite cannot correlate the latter).</summary>
    public static async Task<CallDetails?> DetailsAsync(KyodoDbContext db, int id, bool publishedOnly, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking()
            .Where(c => c.Id == id && (!publishedOnly || c.IsPublished))
            .Select(c => new CallDetails(
                c.Id,
                c.Name,
                c.ProposalType,
                c.FiscalYear,
                c.OpensAtUtc,
                c.ClosesAtUtc,
                c.MaxCityShareTotal,
                c.MaxCitySharePerYear,
                c.MaxTermYears,
                c.Guidance,
                c.IsPublished,
                c.ScreeningStartedAtUtc,
                new List<SelectOption>(),
                c.Criteria.OrderBy(x => x.SortOrder).Select(x => new CriterionRow(x.Name, x.Description, x.Weight, x.MaxPoints)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return null;
        }

        var themeIds = db.Calls.Where(c => c.Id == id).SelectMany(c => c.Themes).Select(t => t.ThemeId);
        var themes = await db.Themes.AsNoTracking()
            .Where(t => themeIds.Contains(t.Id) && (!publishedOnly || t.IsPublished))
            .OrderBy(t => t.Id)
            .Select(t => new SelectOption(t.Id, t.Title))
            .ToListAsync(cancellationToken);
        return call with { Themes = themes };
    }

    public static Task<List<SelectOption>> ThemeOptionsAsync(KyodoDbContext db, CancellationToken cancellationToken) =>
        db.Themes.AsNoTracking()
            .OrderByDescending(t => t.FiscalYear).ThenBy(t => t.Title)
            .Select(t => new SelectOption(t.Id, t.Title))
            .ToListAsync(cancellationToken);
}
