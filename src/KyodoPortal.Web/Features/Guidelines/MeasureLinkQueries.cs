using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>A measure's links to themes, calls and projects, and the choices the office links from.</summary>
public static class MeasureLinkQueries
{
    /// <summary>How many of each the link form offers (the newest first).</summary>
    public const int Offered = 200;

    /// <summary>A measure's links with their targets' titles (one statement).</summary>
    public static Task<List<MeasureLinkRow>> LinksAsync(KyodoDbContext db, int measureId, CancellationToken cancellationToken) =>
        db.GuidelineMeasures.AsNoTracking().Where(m => m.Id == measureId).SelectMany(m => m.Links)
            .OrderBy(l => l.Kind).ThenBy(l => l.Id)
            .Select(l => new MeasureLinkRow(
                l.Id,
                l.Kind,
                l.ThemeId ?? l.CallId ?? l.ProjectId ?? 0,
                l.ThemeId != null ? db.Themes.Where(t => t.Id == l.ThemeId).Select(t => t.Title).FirstOrDefault() ?? string.Empty
                    : l.CallId != null ? db.Calls.Where(c => c.Id == l.CallId).Select(c => c.Name).FirstOrDefault() ?? string.Empty
                    : db.Projects.Where(p => p.Id == l.ProjectId).Select(p => p.Title).FirstOrDefault() ?? string.Empty))
            .ToListAsync(cancellationToken);

    /// <summary>The themes, calls and projects the link form offers, newest first (three statements).</summary>
    public static async Task<IReadOnlyList<LinkOption>> OptionsAsync(KyodoDbContext db, CancellationToken cancellationToken)
    {
        var themes = await db.Themes.AsNoTracking().OrderByDescending(t => t.FiscalYear).ThenByDescending(t => t.Id).Take(Offered)
            .Select(t => new LinkOption(MeasureLinkKind.Theme, t.Id, t.Title, t.FiscalYear)).ToListAsync(cancellationToken);
        var calls = await db.Calls.AsNoTracking().OrderByDescending(c => c.FiscalYear).ThenByDescending(c => c.Id).Take(Offered)
            .Select(c => new LinkOption(MeasureLinkKind.Call, c.Id, c.Name, c.FiscalYear)).ToListAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().OrderByDescending(p => p.StartFiscalYear).ThenByDescending(p => p.Id).Take(Offered)
            .Select(p => new LinkOption(MeasureLinkKind.Project, p.Id, p.Title, p.StartFiscalYear)).ToListAsync(cancellationToken);
        return [.. themes, .. calls, .. projects];
    }

    /// <summary>Whether the target of a link exists.</summary>
    public static Task<bool> ExistsAsync(KyodoDbContext db, MeasureLinkKind kind, int id, CancellationToken cancellationToken) => kind switch
    {
        MeasureLinkKind.Theme => db.Themes.AnyAsync(t => t.Id == id, cancellationToken),
        MeasureLinkKind.Call => db.Calls.AnyAsync(c => c.Id == id, cancellationToken),
        _ => db.Projects.AnyAsync(p => p.Id == id, cancellationToken),
    };

    /// <summary>The measures a project implements, in period and guideline order (one statement), for the project page.</summary>
    public static Task<List<ProjectMeasure>> OfProjectAsync(KyodoDbContext db, int projectId, CancellationToken cancellationToken) =>
        db.GuidelineMeasures.AsNoTracking().Where(m => m.Links.Any(l => l.ProjectId == projectId))
            .OrderBy(m => m.Period.Number).ThenBy(m => m.Area.Number).ThenBy(m => m.Id)
            .Select(m => new ProjectMeasure(m.Id, m.Title, m.Period.Number, m.Classification.Code, m.Period.Status != GuidelinePeriodStatus.Draft))
            .ToListAsync(cancellationToken);
}

/// <summary>A link as the measure page lists it.</summary>
public sealed record MeasureLinkRow(int Id, MeasureLinkKind Kind, int TargetId, string Title)
{
    public string Url => Kind switch
    {
        MeasureLinkKind.Theme => $"/themes/{TargetId}",
        MeasureLinkKind.Call => $"/calls/{TargetId}",
        _ => $"/projects/{TargetId}",
    };
}

/// <summary>A theme, call or project the link form offers; its value is "Kind:Id".</summary>
public sealed record LinkOption(MeasureLinkKind Kind, int Id, string Title, int FiscalYear)
{
    public string Value => $"{Kind}:{Id}";
}

/// <summary>A measure the project page lists; <see cref="IsPublic"/> when its period is adopted or closed.</summary>
public sealed record ProjectMeasure(int Id, string Title, int PeriodNumber, string ClassificationCode, bool IsPublic);
