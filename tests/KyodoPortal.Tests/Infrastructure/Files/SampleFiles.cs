using System.IO.Compression;
using System.Text;

namespace KyodoPortal.Tests.Infrastructure.Files;

/// <summary>Tiny files built in memory: just enough bytes for each signature.</summary>
internal static class SampleFiles
{
    public static byte[] Pdf => Ascii("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01];

    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];

    public static byte[] Gif87 => Ascii("GIF87a\x01\x00\x01\x00\x00\x00\x00;");

    public static byte[] Gif89 => Ascii("GIF89a\x01\x00\x01\x00\x00\x00\x00;");

    /// <summary>OLE2 compound file header followed by padding (legacy .doc / .xls / .msi …).</summary>
    public static byte[] CompoundDocument => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    public static byte[] WindowsExecutable => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    public static byte[] LinuxExecutable => [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00];

    public static byte[] Html => Ascii("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    public static byte[] Svg => Ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

    public static byte[] ShellScript => Ascii("#!/bin/sh\nrm -rf /\n");

    public static byte[] Docx => Zip("[Content_Types].xml", "word/document.xml", "_rels/.rels");

    public static byte[] Xlsx => Zip("[Content_Types].xml", "xl/workbook.xml", "_rels/.rels");

    public static byte[] Pptx => Zip("[Content_Types].xml", "ppt/presentation.xml", "_rels/.rels");

    public static byte[] PlainZip => Zip("readme.txt", "setup.exe");

    /// <summary>A .docm renamed: Word structure plus a macro project.</summary>
    public static byte[] DocxWithMacros => Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin");

    /// <summary>Local-file-header magic followed by garbage (no central directory).</summary>
    public static byte[] CorruptZip => [0x50, 0x4B, 0x03, 0x04, .. Ascii("not really a zip archive at all")];

    public static byte[] Zip(params string[] entryNames)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entryNames)
            {
                var entry = archive.CreateEntry(name);
                using var writer = new StreamWriter(entry.Open(), Encoding.UTF8);
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>");
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);
}
