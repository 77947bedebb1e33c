using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Proposals;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Files;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// Answers imported from another system's file (回答の取込): upload a CSV (UTF-8 or Shift_JIS) or
/// an .xlsx → choose the column of each question → choose the option of each value that names
/// none → preview with the rows' errors → save. Without JavaScript the file waits in
/// <see cref="SurveyImportUpload"/> between the steps, and nothing is saved unless every row is
/// valid and none was imported before.
/// </summary>
[Route("surveys/{id:int}/import")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class SurveyImportController(KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Import(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadAsync(id, cancellationToken), async survey =>
            View(new ImportUploadViewModel(survey, await SurveyQueries.ResponseCountsAsync(db, id, cancellationToken), ImportEncoding.Detect)));

    [HttpPost("")]
    [RequestSizeLimit(ProposalAttachmentsController.MaxUploadRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ProposalAttachmentsController.MaxUploadRequestBytes)]
    public Task<IActionResult> Import(int id, IFormFile? file, ImportEncoding encoding, CancellationToken cancellationToken)
    {
        SurveyImportUpload? upload = null;
        var rows = 0;
        return commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = ct => LoadAsync(id, ct),
            Once = true,
            ApplyAsync = async (survey, by, ct) =>
            {
                if (file is null)
                {
                    ModelState.AddModelError(nameof(file), localizer[SurveyImportForms.NoFile]);
                    return;
                }

                if (file.Length > SurveyImportForms.MaxFileBytes)
                {
                    ModelState.AddModelError(nameof(file), localizer[AttachmentMessages.TooLarge, FileSize.Format(SurveyImportForms.MaxFileBytes)]);
                    return;
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var (table, format, refusal) = SurveyImportForms.Read(file.FileName, buffer.ToArray(), encoding);
                if (table is null)
                {
                    ModelState.AddModelError(nameof(file), localizer[refusal!]);
                    return;
                }

                rows = table.Rows.Count;
                upload = new SurveyImportUpload(survey.Id, by.UserId, AttachmentValidator.SanitizeFileName(file.FileName), format, table.UsedEncoding, buffer.ToArray(), by.Now);
                db.SurveyImportUploads.Add(upload);

                // Files of imports nobody finished: deleted by the next upload, a day on.
                var abandoned = by.Now.AddHours(-SurveyImportUpload.RetentionHours);
                await db.SurveyImportUploads.Where(u => u.CreatedAtUtc < abandoned).ExecuteDeleteAsync(ct);
            },
            Done = _ => upload!.Format == ImportFileFormat.Xlsx
                ? new("「{0}」を読み込みました（回答{1}行）。列と設問の対応を確かめてください。", upload.FileName, rows)
                : new("「{0}」を {1} として読み込みました（回答{2}行）。列と設問の対応を確かめてください。", upload.FileName, upload.Encoding == ImportEncoding.ShiftJis ? "Shift_JIS" : "UTF-8", rows),
            RedirectTo = _ => $"/surveys/{id}/import/{upload!.Id:D}",
            ShowAgain = async (survey, ct) =>
                View("Import", new ImportUploadViewModel(survey, await SurveyQueries.ResponseCountsAsync(db, id, ct), encoding)),
        }, cancellationToken);
    }

    [HttpGet("{upload:guid}")]
    public Task<IActionResult> Mapping(int id, Guid upload, SurveyImportMappingInput input, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadUploadAsync(id, upload, cancellationToken), async x => MappingView(await PreviewAsync(x, input, cancellationToken)));

    [HttpPost("{upload:guid}")]
    public Task<IActionResult> Save(int id, Guid upload, SurveyImportMappingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Mapped = true;
        var saved = 0;
        return commands.RunAsync(this, new FormCommand<ImportInProgress>
        {
            Load = ct => LoadUploadAsync(id, upload, ct),
            Once = true,
            ApplyAsync = async (x, _, ct) =>
            {
                var preview = await PreviewAsync(x, input, ct);
                if (preview.Mapping.Problems.Count > 0)
                {
                    throw new DomainRuleException([.. preview.Mapping.Problems]);
                }

                if (preview.Preview is not { IsValid: true } checkedRows)
                {
                    throw new DomainRuleException("誤りのある行が{0}行あります。すべての行が正しくなるまで、1行も取り込みません。", preview.Preview?.Rows.Count(r => !r.IsValid) ?? 0);
                }

                if (preview.AlreadyImported > 0)
                {
                    throw new DomainRuleException("このファイルの{0}行は既に取り込まれています。回答が二重に数えられないよう、ファイル全体を取り込みませんでした。", preview.AlreadyImported);
                }

                foreach (var row in checkedRows.Rows)
                {
                    db.SurveyResponses.Add(SurveyResponse.FromImport(x.Survey, row.Answers));
                    db.SurveyImportedRows.Add(new SurveyImportedRow(x.Survey.Id, row.Hash));
                }

                db.SurveyImportUploads.Remove(x.Upload);
                saved = checkedRows.Rows.Count;
            },
            Done = x => new("「{0}」から{1}件の回答を取り込みました。", x.Upload.FileName, saved),
            RedirectTo = _ => $"/surveys/{id}",
            UniqueMessage = new("このファイルの行は既に取り込まれています。回答が二重に数えられないよう、ファイル全体を取り込みませんでした。"),
            ShowAgain = async (x, ct) => MappingView(await PreviewAsync(x, input, ct)),
        }, cancellationToken);
    }

    private ViewResult MappingView(ImportMappingViewModel model) => View("ImportMapping", model);

    /// <summary>The mapping checked, and when it is complete the rows checked and counted against the rows imported before.</summary>
    private async Task<ImportMappingViewModel> PreviewAsync(ImportInProgress x, SurveyImportMappingInput input, CancellationToken cancellationToken)
    {
        var table = x.Upload.Read();
        var mapping = SurveyImportForms.Map(x.Survey, table, input);
        SurveyImportPreview? preview = null;
        var already = 0;
        if (mapping.Problems.Count == 0)
        {
            preview = SurveyImport.Check(x.Survey, table.Rows, mapping.Columns, values: mapping.Values, reasonColumns: mapping.ReasonColumns, otherColumns: mapping.OtherColumns);
            var hashes = preview.Rows.Select(r => r.Hash).ToList();
            already = await db.SurveyImportedRows.CountAsync(r => r.SurveyId == x.Survey.Id && hashes.Contains(r.Hash), cancellationToken);
        }

        return new ImportMappingViewModel(x.Survey, x.Upload.Id, x.Upload.FileName, x.Upload.Format, x.Upload.Encoding, table, mapping, preview, already);
    }

    private async Task<Loaded<Survey>> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await SurveyQueries.SurveyAsync(db, id, cancellationToken);
        return survey is null ? LoadRefusal.NotFound : survey.AcceptsImports ? survey : NoImports(survey);
    }

    /// <summary>The survey and an upload of this account for it; anyone else's upload, or another survey's, is not found.</summary>
    private async Task<Loaded<ImportInProgress>> LoadUploadAsync(int id, Guid uploadId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded.Value is not { } survey)
        {
            return loaded.Refusal!;
        }

        var userId = User.UserId();
        var upload = await db.SurveyImportUploads.FirstOrDefaultAsync(u => u.Id == uploadId && u.SurveyId == id && u.UserId == userId, cancellationToken);
        return upload is null
            ? LoadRefusal.Redirect($"/surveys/{id}/import", new UserMessage("この取込のファイルは見つかりません（取り込み済みか、時間が経って削除されました）。もう一度ファイルを選択してください。"))
            : new ImportInProgress(survey, upload);
    }

    private static LoadRefusal NoImports(Survey survey) =>
        LoadRefusal.Redirect($"/surveys/{survey.Id}", new UserMessage("「{0}」のアンケートには回答を取り込めません。", survey.Status));

    /// <summary>What the import's later steps act on: the survey (untracked) and the uploaded file (tracked, removed on save).</summary>
    public sealed record ImportInProgress(Survey Survey, SurveyImportUpload Upload);
}
