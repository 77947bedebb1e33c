using KyodoPortal.Web.Infrastructure.Files;

namespace KyodoPortal.Tests.Infrastructure.Files;

public class FileSignatureTests
{
    public static TheoryData<string, FileKind> Samples => new()
    {
        { nameof(SampleFiles.Pdf), FileKind.Pdf },
        { nameof(SampleFiles.Png), FileKind.Png },
        { nameof(SampleFiles.Jpeg), FileKind.Jpeg },
        { nameof(SampleFiles.Gif87), FileKind.Gif },
        { nameof(SampleFiles.Gif89), FileKind.Gif },
        { nameof(SampleFiles.Docx), FileKind.Docx },
        { nameof(SampleFiles.Xlsx), FileKind.Xlsx },
        { nameof(SampleFiles.Pptx), FileKind.Pptx },
        { nameof(SampleFiles.CompoundDocument), FileKind.CompoundDocument },
        { nameof(SampleFiles.PlainZip), FileKind.Zip },
        { nameof(SampleFiles.DocxWithMacros), FileKind.Zip },
        { nameof(SampleFiles.CorruptZip), FileKind.Zip },
        { nameof(SampleFiles.WindowsExecutable), FileKind.Unknown },
        { nameof(SampleFiles.LinuxExecutable), FileKind.Unknown },
        { nameof(SampleFiles.Html), FileKind.Unknown },
        { nameof(SampleFiles.Svg), FileKind.Unknown },
        { nameof(SampleFiles.ShellScript), FileKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_kind_is_read_from_the_bytes(string sample, FileKind expected)
    {
        using var content = new MemoryStream(Bytes(sample));

        Assert.Equal(expected, await FileSignature.DetectAsync(content, CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_stream_is_unknown()
    {
        using var content = new MemoryStream();

        Assert.Equal(FileKind.Unknown, await FileSignature.DetectAsync(content, CancellationToken.None));
    }

    [Fact]
    public async Task A_zip_with_both_Word_and_Excel_folders_is_not_trusted_as_either()
    {
        using var content = new MemoryStream(SampleFiles.Zip("[Content_Types].xml", "word/document.xml", "xl/workbook.xml"));

        Assert.Equal(FileKind.Zip, await FileSignature.DetectAsync(content, CancellationToken.None));
    }

    [Fact]
    public async Task Office_folders_without_content_types_are_a_plain_zip()
    {
        using var content = new MemoryStream(SampleFiles.Zip("word/document.xml"));

        Assert.Equal(FileKind.Zip, await FileSignature.DetectAsync(content, CancellationToken.None));
    }

    [Fact]
    public async Task Detection_puts_the_stream_position_back()
    {
        using var content = new MemoryStream(SampleFiles.Docx);
        content.Position = 3;

        await FileSignature.DetectAsync(content, CancellationToken.None);

        Assert.Equal(3, content.Position);
    }

    [Fact]
    public async Task At_most_eight_kilobytes_of_the_header_are_read()
    {
        using var content = new CountingStream(new MemoryStream([.. SampleFiles.Pdf, .. new byte[100_000]]));

        await FileSignature.DetectAsync(content, CancellationToken.None);

        Assert.True(content.BytesRead <= FileSignature.MaxHeaderBytes, $"{content.BytesRead} bytes read");
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_refused_loudly()
    {
        using var content = new NonSeekableStream(SampleFiles.Pdf);

        await Assert.ThrowsAsync<ArgumentException>(() => FileSignature.DetectAsync(content, CancellationToken.None));
    }

    [Theory]
    [InlineData(FileKind.Pdf, ".pdf", "application/pdf")]
    [InlineData(FileKind.Pdf, ".PDF", "application/pdf")]
    [InlineData(FileKind.Png, ".png", "image/png")]
    [InlineData(FileKind.Jpeg, ".jpg", "image/jpeg")]
    [InlineData(FileKind.Jpeg, ".jpeg", "image/jpeg")]
    [InlineData(FileKind.Gif, ".gif", "image/gif")]
    [InlineData(FileKind.Docx, ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData(FileKind.Xlsx, ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData(FileKind.Pptx, ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData(FileKind.CompoundDocument, ".doc", "application/msword")]
    [InlineData(FileKind.CompoundDocument, ".xls", "application/vnd.ms-excel")]
    public void Allowed_kinds_with_their_extension_get_the_canonical_content_type(FileKind kind, string extension, string contentType)
    {
        Assert.Equal(contentType, FileSignature.ContentTypeFor(kind, extension));
    }

    [Theory]
    [InlineData(FileKind.Png, ".pdf")]
    [InlineData(FileKind.Pdf, ".docx")]
    [InlineData(FileKind.Docx, ".xlsx")]
    [InlineData(FileKind.CompoundDocument, ".msi")]
    [InlineData(FileKind.CompoundDocument, ".ppt")]
    [InlineData(FileKind.CompoundDocument, ".docx")]
    [InlineData(FileKind.Zip, ".zip")]
    [InlineData(FileKind.Unknown, ".pdf")]
    [InlineData(FileKind.Pdf, "")]
    public void A_kind_and_extension_that_do_not_belong_together_get_no_content_type(FileKind kind, string extension)
    {
        Assert.Null(FileSignature.ContentTypeFor(kind, extension));
    }

    private static byte[] Bytes(string sample) =>
        (byte[])typeof(SampleFiles).GetProperty(sample)!.GetValue(null)!;

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>Like a raw request body: read once, no seeking.</summary>
internal sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
