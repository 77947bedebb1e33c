using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Export;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace KyodoPortal.Web.Features.Minutes;

/// <summary>
/// The current version of the minutes as a document, for the office: a printable page, Word-friendly
/// HTML and an Excel sheet of the exchanges. Non-parties get 404, parties 403.
/// </summary>
[Authorize]
[Route("meetings/{id:int}/minutes")]
public sealed class MinutesExportController(KyodoDbContext db, TimeProvider clock, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("print")]
    public Task<IActionResult> Print(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, DocumentAsync(id, cancellationToken), document => Task.FromResult<IActionResult>(View(document)));

    /// <summary>Word-friendly HTML: an HTML document Word opens as .doc.</summary>
    [HttpGet("export/doc")]
    public Task<IActionResult> ExportDoc(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, DocumentAsync(id, cancellationToken), document =>
        {
            var name = ExportFileResult.FileName(document.Title, ExportFormat.Csv, clock.JapanToday());
            Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = Path.ChangeExtension(name, ".doc") }.ToString();
            var view = View("WordExport", document);
            view.ContentType = "application/msword; charset=utf-8";
            return Task.FromResult<IActionResult>(view);
        });

    [HttpGet("export/xlsx")]
    public Task<IActionResult> ExportXlsx(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, DocumentAsync(id, cancellationToken), document =>
        {
            var lines = document.Sections.SelectMany(section => section.Lines.Select(line => (Section: section, Line: line)));
            var table = ExportTable.Create(document.Title, lines, c => c
                .Text(localizer["協働事業"].Value, r => r.Section.Heading)
                .Text(localizer["当事者"].Value, r => r.Section.PartiesLine)
                .Number(localizer["番号"].Value, r => r.Line.RowNumber)
                .Text(localizer["区分"].Value, r => r.Line.Kind == MinutesLineKind.Question ? MinutesPrint.QuestionMark : MinutesPrint.AnswerMark)
                .Text(localizer["質問者"].Value, r => r.Line.Asker)
                .Text(localizer["内容"].Value, r => r.Line.Text));
            return Task.FromResult<IActionResult>(ExportFileResult.Create(table, ExportFormat.Xlsx, clock));
        });

    /// <summary>The printable document of the current version with the members' names (404 before the minutes are started).</summary>
    private async Task<Loaded<MinutesDocument>> DocumentAsync(int id, CancellationToken cancellationToken)
    {
        var loaded = await MinutesContext.CurrentForOfficeAsync(db, User, id, tracking: false, cancellationToken);
        if (loaded.Value is not { } context)
        {
            return loaded.Refusal!;
        }

        var members = await MinutesQueries.MemberNamesAsync(db, context.Meeting, cancellationToken);
        return MinutesPrint.Compose(context.Meeting, context.Current!, members, MinutesAudience.Office);
    }
}
