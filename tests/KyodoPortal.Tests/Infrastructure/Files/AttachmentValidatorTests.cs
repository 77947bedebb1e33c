using System.Text;
using KyodoPortal.Web.Infrastructure.Files;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace KyodoPortal.Tests.Infrastructure.Files;

public class AttachmentValidatorTests
{
    private readonly AttachmentValidator _validator = Validator(new AttachmentPolicy());

    public static TheoryData<string, string, string> AcceptedSamples => new()
    {
        { nameof(SampleFiles.Pdf), "提案書.pdf", "application/pdf" },
        { nameof(SampleFiles.Png), "会場写真.PNG", "image/png" },
        { nameof(SampleFiles.Jpeg), "photo.jpg", "image/jpeg" },
        { nameof(SampleFiles.Jpeg), "photo.jpeg", "image/jpeg" },
        { nameof(SampleFiles.Gif89), "map.gif", "image/gif" },
        { nameof(SampleFiles.Docx), "団体規約.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { nameof(SampleFiles.Xlsx), "収支予算書.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { nameof(SampleFiles.Pptx), "説明資料.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { nameof(SampleFiles.CompoundDocument), "旧様式.doc", "application/msword" },
        { nameof(SampleFiles.CompoundDocument), "旧様式.xls", "application/vnd.ms-excel" },
    };

    [Theory]
    [MemberData(nameof(AcceptedSamples))]
    public async Task An_allowed_file_is_accepted_with_the_content_type_its_bytes_prove(string sample, string fileName, string contentType)
    {
        var bytes = Bytes(sample);
        using var content = new MemoryStream(bytes);

        var result = await _validator.ValidateAsync(content, fileName, bytes.Length);

        Assert.True(result.IsAccepted, result.Error);
        Assert.Equal(contentType, result.ContentType);
        Assert.Equal(fileName, result.FileName);
        Assert.Equal(bytes.Length, result.SizeBytes);
    }

    [Theory]
    [InlineData(nameof(SampleFiles.WindowsExecutable), "見積書.pdf")]
    [InlineData(nameof(SampleFiles.WindowsExecutable), "setup.exe")]
    [InlineData(nameof(SampleFiles.LinuxExecutable), "report.pdf")]
    [InlineData(nameof(SampleFiles.Html), "提案書.pdf")]
    [InlineData(nameof(SampleFiles.Html), "page.html")]
    [InlineData(nameof(SampleFiles.Svg), "logo.svg")]
    [InlineData(nameof(SampleFiles.Svg), "logo.png")]
    [InlineData(nameof(SampleFiles.ShellScript), "run.pdf")]
    [InlineData(nameof(SampleFiles.PlainZip), "団体規約.docx")]
    [InlineData(nameof(SampleFiles.PlainZip), "photos.zip")]
    [InlineData(nameof(SampleFiles.DocxWithMacros), "団体規約.docx")]
    [InlineData(nameof(SampleFiles.CompoundDocument), "installer.msi")]
    [InlineData(nameof(SampleFiles.CompoundDocument), "slides.ppt")]
    public async Task Content_that_is_not_an_allowed_type_is_refused_whatever_its_name(string sample, string fileName)
    {
        var bytes = Bytes(sample);
        using var content = new MemoryStream(bytes);

        var result = await _validator.ValidateAsync(content, fileName, bytes.Length);

        Assert.False(result.IsAccepted);
        Assert.Equal(AttachmentMessages.TypeNotAllowed, result.Error);
        Assert.Null(result.ContentType);
    }

    [Theory]
    [InlineData(nameof(SampleFiles.Png), "提案書.pdf")]
    [InlineData(nameof(SampleFiles.Pdf), "写真.png")]
    [InlineData(nameof(SampleFiles.Docx), "予算.xlsx")]
    [InlineData(nameof(SampleFiles.Xlsx), "規約.docx")]
    [InlineData(nameof(SampleFiles.Jpeg), "photo")]
    [InlineData(nameof(SampleFiles.CompoundDocument), "規約.docx")]
    public async Task A_real_allowed_file_under_the_wrong_extension_is_refused_as_a_mismatch(string sample, string fileName)
    {
        var bytes = Bytes(sample);
        using var content = new MemoryStream(bytes);

        var result = await _validator.ValidateAsync(content, fileName, bytes.Length);

        Assert.False(result.IsAccepted);
        Assert.Equal(AttachmentMessages.ExtensionMismatch, result.Error);
        Assert.Equal("ファイル名の拡張子と内容が一致しません。", result.Error);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        using var content = new MemoryStream();

        var result = await _validator.ValidateAsync(content, "提案書.pdf", 0);

        Assert.False(result.IsAccepted);
        Assert.Equal("ファイルが空です。", result.Error);
    }

    [Fact]
    public async Task A_file_longer_than_the_limit_is_refused_with_the_limit_in_megabytes()
    {
        using var content = new MemoryStream(SampleFiles.Pdf);

        var result = await _validator.ValidateAsync(content, "提案書.pdf", (10 * 1024 * 1024) + 1);

        Assert.False(result.IsAccepted);
        Assert.Equal(AttachmentMessages.TooLarge, result.Error);
        Assert.Equal(["10 MB"], result.ErrorArguments);
        Assert.Equal("ファイルが大きすぎます（上限 10 MB）。", string.Format(null, result.Error, [.. result.ErrorArguments]));
    }

    [Fact]
    public async Task The_actual_size_counts_even_when_the_announced_length_is_small()
    {
        var validator = Validator(new AttachmentPolicy { MaxBytes = 1024 });
        using var content = new MemoryStream([.. SampleFiles.Pdf, .. new byte[2048]]);

        var result = await validator.ValidateAsync(content, "提案書.pdf", 10);

        Assert.Equal(AttachmentMessages.TooLarge, result.Error);
        Assert.Equal(["1 KB"], result.ErrorArguments);
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_accepted()
    {
        var bytes = new byte[2048];
        SampleFiles.Pdf.CopyTo(bytes, 0);
        var validator = Validator(new AttachmentPolicy { MaxBytes = bytes.Length });
        using var content = new MemoryStream(bytes);

        var result = await validator.ValidateAsync(content, "提案書.pdf", bytes.Length);

        Assert.True(result.IsAccepted, result.Error);
    }

    [Fact]
    public async Task Validation_leaves_the_stream_ready_to_be_saved()
    {
        using var content = new MemoryStream(SampleFiles.Docx);

        await _validator.ValidateAsync(content, "規約.docx", content.Length);

        Assert.Equal(0, content.Position);
    }

    [Fact]
    public async Task The_display_name_is_sanitized()
    {
        using var content = new MemoryStream(SampleFiles.Pdf);

        var result = await _validator.ValidateAsync(content, @"C:\fakepath\提案書.pdf", content.Length);

        Assert.Equal("提案書.pdf", result.FileName);
    }

    [Theory]
    [InlineData(@"C:\fakepath\提案書.pdf", "提案書.pdf")]
    [InlineData(@"C:\Users\山田\Documents\提案書.pdf", "提案書.pdf")]
    [InlineData("/home/yamada/提案書.pdf", "提案書.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("提案\u0000書\r\n.pdf", "提案書.pdf")]
    [InlineData("\t 提案書.pdf \u3000", "提案書.pdf")]
    [InlineData("写真\u202Egpj.exe", "写真gpj.exe")]
    [InlineData("見積\u200B書.pdf", "見積書.pdf")]
    [InlineData("a<b>c:d\"e|f?g*.pdf", "a_b_c_d_e_f_g_.pdf")]
    [InlineData("提案書.pdf...", "提案書.pdf")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(@"C:\fakepath\", "")]
    public void File_names_lose_paths_and_invisible_characters(string input, string expected)
    {
        Assert.Equal(expected, AttachmentValidator.SanitizeFileName(input));
    }

    [Fact]
    public void A_null_file_name_becomes_empty()
    {
        Assert.Equal(string.Empty, AttachmentValidator.SanitizeFileName(null));
    }

    [Fact]
    public void Decomposed_kana_from_macOS_is_composed()
    {
        var decomposed = "カ\u3099イド.pdf"; // カ + combining dakuten

        Assert.Equal("ガイド.pdf", AttachmentValidator.SanitizeFileName(decomposed));
    }

    [Fact]
    public void A_long_name_is_cut_to_255_characters_keeping_the_extension()
    {
        var name = new string('長', 300) + ".pdf";

        var sanitized = AttachmentValidator.SanitizeFileName(name);

        Assert.Equal(255, sanitized.Length);
        Assert.EndsWith("長.pdf", sanitized, StringComparison.Ordinal);
    }

    [Fact]
    public void Cutting_a_long_name_never_splits_a_surrogate_pair()
    {
        var name = new string('a', 250) + string.Concat(Enumerable.Repeat("𠮷", 10)) + ".pdf";

        var sanitized = AttachmentValidator.SanitizeFileName(name);

        Assert.True(sanitized.Length <= 255);
        Assert.EndsWith(".pdf", sanitized, StringComparison.Ordinal);
        Assert.Equal(sanitized, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(sanitized)));
    }

    [Fact]
    public async Task A_name_with_only_control_characters_is_refused_for_its_missing_extension()
    {
        using var content = new MemoryStream(SampleFiles.Pdf);

        var result = await _validator.ValidateAsync(content, "\u0001\u0002", content.Length);

        Assert.Equal(AttachmentMessages.ExtensionMismatch, result.Error);
    }

    [Fact]
    public void The_number_of_files_per_proposal_is_limited()
    {
        var validator = Validator(new AttachmentPolicy { MaxPerProposal = 3 });

        Assert.True(validator.HasRoomFor(2));
        Assert.False(validator.HasRoomFor(3));
        var refusal = validator.TooManyFiles();
        Assert.Equal(AttachmentMessages.TooMany, refusal.Error);
        Assert.Equal(["3"], refusal.ErrorArguments);
    }

    [Fact]
    public async Task The_refusal_is_localized_with_its_arguments()
    {
        var localizer = new Mock<IStringLocalizer>();
        localizer.Setup(l => l[AttachmentMessages.TooLarge, It.IsAny<object[]>()])
            .Returns((string key, object[] arguments) => new LocalizedString(key, $"File is too large (limit {arguments[0]})."));
        using var content = new MemoryStream(SampleFiles.Pdf);

        var result = await _validator.ValidateAsync(content, "提案書.pdf", long.MaxValue);

        Assert.Equal("File is too large (limit 10 MB).", result.LocalizedError(localizer.Object));
    }

    [Fact]
    public void Every_message_is_Japanese_and_ends_with_a_full_stop()
    {
        var messages = typeof(AttachmentMessages).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(6, messages.Count);
        Assert.All(messages, m => Assert.EndsWith("。", m, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10L * 1024 * 1024, "10 MB")]
    [InlineData(5L * 1024 * 1024 / 2, "2.5 MB")]
    [InlineData(512L * 1024, "512 KB")]
    [InlineData(800L, "800 B")]
    public void Sizes_are_written_with_their_unit(long bytes, string expected)
    {
        Assert.Equal(expected, FileSize.Format(bytes));
    }

    private static AttachmentValidator Validator(AttachmentPolicy policy) =>
        new(Options.Create(policy), NullLogger<AttachmentValidator>.Instance);

    private static byte[] Bytes(string sample) =>
        (byte[])typeof(SampleFiles).GetProperty(sample)!.GetValue(null)!;
}
