using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Proposals;
using KyodoPortal.Web.Features.Surveys;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Files;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// 施策の取込: the coordinator uploads a period's measures as CSV (UTF-8 or Shift_JIS) or xlsx — columns
/// 分野, 項目, 施策名, 分類, 説明 after a header row — and sees every row checked, with its reasons.
/// The preview carries the rows in its form; saving checks them again and saves all or nothing.
/// The file is read by the survey import's reader (<see cref="SurveyImportFile"/>).
/// </summary>
[Route("guideline/periods/{number:int}/import")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class MeasureImportController(KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    public const string NoFile = "取り込むファイルを選択してください。";
    public const string NotATable = "ファイルを読み取れません。1行目に見出し、2行目から施策を並べた CSV（.csv）か Excel のブック（.xlsx）を選択してください。";

    [HttpGet("")]
    public Task<IActionResult> Upload(int number, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadAsync(number, cancellationToken), async guideline =>
            View("Import", new MeasureImportViewModel(guideline, guideline.PeriodNumbered(number), null, null, await GuidelineQueries.DepartmentsAsync(db, cancellationToken))));

    /// <summary>Reads the file and shows every row checked; saves nothing.</summary>
    [HttpPost("")]
    [RequestSizeLimit(ProposalAttachmentsController.MaxUploadRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ProposalAttachmentsController.MaxUploadRequestBytes)]
    public async Task<IActionResult> Preview(int number, IFormFile? file, int? departmentId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(number, cancellationToken);
        if (loaded.Value is not { } guideline)
        {
            return commands.Refused(this, loaded.Refusal!);
        }

        var departments = await GuidelineQueries.DepartmentsAsync(db, cancellationToken);
        var lines = file is null ? null : await ReadAsync(file, cancellationToken);
        if (lines is null)
        {
            ModelState.AddModelError(nameof(file), localizer[file is null ? NoFile : NotATable]);
            return View("Import", new MeasureImportViewModel(guideline, guideline.PeriodNumbered(number), null, departmentId, departments));
        }

        var import = MeasureImport.Check(guideline, lines);
        return View("Import", new MeasureImportViewModel(guideline, guideline.PeriodNumbered(number), import, departmentId, departments));
    }

    /// <summary>Saves the previewed rows (checked again) in one go, or nothing.</summary>
    [HttpPost("save")]
    public Task<IActionResult> Save(int number, [Bind(Prefix = "Import")] MeasureImportInput input, CancellationToken cancellationToken)
    {
        var saved = 0;
        return commands.RunAsync(this, new FormCommand<Guideline>
        {
            Load = ct => LoadAsync(number, ct),
            Once = true,
            Apply = (guideline, _) =>
            {
                var measures = MeasureImport.Check(guideline, input.Lines())
                    .ToMeasures(guideline, guideline.PeriodNumbered(number), input.DepartmentId is { } id ? [id] : []);
                db.GuidelineMeasures.AddRange(measures);
                saved = measures.Count;
            },
            Done = _ => new("{0}件の施策を取り込みました。", saved),
            RedirectTo = _ => $"/guideline/periods/{number}/measures",
            RedirectOnRefusal = _ => $"/guideline/periods/{number}/import",
        }, cancellationToken);
    }

    /// <summary>The rows after the header (blank rows skipped), or null when the file is no table.</summary>
    private static async Task<List<MeasureImportLine>?> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length == 0 || file.Length > AttachmentPolicy.DefaultMaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var isZip = bytes.Length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;
        var table = isZip ? SurveyImportFile.ReadXlsx(bytes) : SurveyImportFile.ReadCsv(bytes);
        if (table is null || table.Header.Count == 0 || table.Rows.Count == 0)
        {
            return null;
        }

        static string? Cell(IReadOnlyList<string> row, int column) => column < row.Count ? row[column] : null;
        return table.Rows.Select(r => new MeasureImportLine(Cell(r, 0), Cell(r, 1), Cell(r, 2), Cell(r, 3), Cell(r, 4))).ToList();
    }

    private async Task<Loaded<Guideline>> LoadAsync(int number, CancellationToken cancellationToken) =>
        await GuidelineQueries.GuidelineAsync(db, cancellationToken, tracked: true) is { } guideline && guideline.Periods.Any(p => p.Number == number)
            ? guideline
            : LoadRefusal.NotFound;
}

/// <summary>The preview's rows as its form carries them to the save.</summary>
public sealed class MeasureImportInput
{
    public List<MeasureImportLineInput> Rows { get; set; } = [];

    public int? DepartmentId { get; set; }

    public IReadOnlyList<MeasureImportLine> Lines() => Rows.Select(r => new MeasureImportLine(r.Area, r.SubArea, r.Title, r.Classification, r.Description)).ToList();
}

public sealed class MeasureImportLineInput
{
    public string? Area { get; set; }

    public string? SubArea { get; set; }

    public string? Title { get; set; }

    public string? Classification { get; set; }

    public string? Description { get; set; }
}

public sealed record MeasureImportViewModel(Guideline Guideline, GuidelinePeriod Period, MeasureImport? Import, int? DepartmentId, IReadOnlyList<DepartmentOption> Departments);
