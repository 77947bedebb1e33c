using System.Globalization;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// 施策の関連: the coordinator links a measure to the themes, calls and collaboration projects that
/// implement it (the project page then lists the measures it serves), and removes a link.
/// </summary>
[Route("guideline/measures/{id:int}/links")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class MeasureLinksController(KyodoDbContext db, FormCommands commands) : Controller
{
    /// <summary><paramref name="target"/> is "Theme:12", "Call:3" or "Project:45".</summary>
    [HttpPost("")]
    public Task<IActionResult> Add(int id, string? target, CancellationToken cancellationToken)
    {
        var parsed = Parse(target);
        return commands.RunAsync(this, new FormCommand<GuidelineMeasure>
        {
            Load = ct => LoadAsync(id, ct),
            ApplyAsync = async (measure, _, ct) =>
            {
                if (parsed is not var (kind, targetId) || !await MeasureLinkQueries.ExistsAsync(db, kind, targetId, ct))
                {
                    throw new DomainRuleException("結び付ける行政課題・募集・協働事業を選んでください。");
                }

                measure.Link(kind, targetId);
            },
            Done = _ => new("施策に{0}を結び付けました。", parsed!.Value.Kind),
            RedirectTo = _ => $"/guideline/measures/{id}#measure-links",
            UniqueMessage = FormCommands.ConcurrencyMessage,
        }, cancellationToken);
    }

    [HttpPost("{linkId:int}/remove")]
    public Task<IActionResult> Remove(int id, int linkId, CancellationToken cancellationToken)
    {
        MeasureLinkKind? removed = null;
        return commands.RunAsync(this, new FormCommand<GuidelineMeasure>
        {
            Load = ct => LoadAsync(id, ct),
            Apply = (measure, _) =>
            {
                var link = measure.Links.FirstOrDefault(l => l.Id == linkId) ?? throw new DomainRuleException("この結び付きはすでにありません。");
                measure.Unlink(link);
                removed = link.Kind;
            },
            Done = _ => new("施策と{0}の結び付きを外しました。", removed!.Value),
            RedirectTo = _ => $"/guideline/measures/{id}#measure-links",
        }, cancellationToken);
    }

    private static (MeasureLinkKind Kind, int Id)? Parse(string? target) =>
        target?.Split(':') is [var kind, var number]
            && Enum.TryParse<MeasureLinkKind>(kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var targetId) && targetId > 0
            ? (parsed, targetId)
            : null;

    private async Task<Loaded<GuidelineMeasure>> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.GuidelineMeasures.Include(m => m.Period).Include(m => m.Links).FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } measure
            ? measure
            : LoadRefusal.NotFound;
}
