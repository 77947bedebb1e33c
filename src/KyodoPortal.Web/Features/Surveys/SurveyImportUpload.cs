namespace KyodoPortal.Web.Features.Surveys;

/// <summary>What kind of file an import was read from.</summary>
public enum ImportFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A file uploaded for an import, kept between the steps (columns, values, preview, save) without
/// JavaScript: the pages carry only its id, and only the account that uploaded it, for the survey it
/// was uploaded to, may use it. Deleted when its rows are saved; an abandoned one is deleted after
/// <see cref="RetentionHours"/> by the next upload.
/// </summary>
public sealed class SurveyImportUpload
{
    public const int FileNameMaxLength = 255;
    public const int RetentionHours = 24;

    public SurveyImportUpload(int surveyId, string userId, string fileName, ImportFileFormat format, ImportEncoding encoding, byte[] content, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(content);
        Id = Guid.NewGuid();
        SurveyId = surveyId;
        UserId = userId;
        FileName = fileName.Length <= FileNameMaxLength ? fileName : fileName[..FileNameMaxLength];
        Format = format;
        Encoding = encoding;
        Content = content;
        CreatedAtUtc = createdAtUtc;
    }

    // For EF Core materialization.
    private SurveyImportUpload()
    {
        UserId = string.Empty;
        FileName = string.Empty;
        Content = [];
    }

    public Guid Id { get; private set; }

    public int SurveyId { get; private set; }

    public string UserId { get; private set; }

    public string FileName { get; private set; }

    public ImportFileFormat Format { get; private set; }

    /// <summary>The encoding the CSV was read with (detected or chosen), said on every step.</summary>
    public ImportEncoding Encoding { get; private set; }

    public byte[] Content { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The file's header and rows, read as on upload.</summary>
    public SurveyImportTable Read() =>
        Format == ImportFileFormat.Xlsx
            ? SurveyImportFile.ReadXlsx(Content) ?? new SurveyImportTable([], [], ImportEncoding.Utf8)
            : SurveyImportFile.ReadCsv(Content, Encoding);
}
