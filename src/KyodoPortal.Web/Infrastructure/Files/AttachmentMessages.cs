namespace KyodoPortal.Web.Infrastructure.Files;

/// <summary>
/// User-facing refusals, in Japanese. Each is also the resource key the web layer passes to
/// <c>IStringLocalizer&lt;SharedResource&gt;</c> (English lives in SharedResource.en.resx);
/// <c>{0}</c> is filled from <see cref="AttachmentValidationResult.ErrorArguments"/>.
/// </summary>
public static class AttachmentMessages
{
    /// <summary>No file was chosen (the form was posted without one).</summary>
    public const string NoFile = "添付するファイルを選択してください。";

    public const string Empty = "ファイルが空です。";

    /// <summary>{0}: the limit with its unit, e.g. "10 MB" (<see cref="FileSize.Format"/>).</summary>
    public const string TooLarge = "ファイルが大きすぎます（上限 {0}）。";

    public const string TypeNotAllowed = "この種類のファイルは添付できません（PDF、画像（PNG・JPEG・GIF）、Word、Excel、PowerPoint のみ）。";

    public const string ExtensionMismatch = "ファイル名の拡張子と内容が一致しません。";

    /// <summary>{0}: the number of files a proposal may carry, e.g. "10".</summary>
    public const string TooMany = "添付できるファイルは 1 件あたり {0} 個までです。";
}
