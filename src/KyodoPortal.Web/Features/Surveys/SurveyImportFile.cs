using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>The text encodings an import file may be in; <see cref="Detect"/> tells UTF-8 from Shift_JIS.</summary>
public enum ImportEncoding
{
    Detect,
    Utf8,
    ShiftJis,
}

/// <summary>A CSV file read for an import: the header, the data rows, and the encoding that was used (said to the user).</summary>
public sealed record SurveyImportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, ImportEncoding UsedEncoding)
{
    public string EncodingName => UsedEncoding == ImportEncoding.ShiftJis ? "Shift_JIS" : "UTF-8";
}

/// <summary>
/// Reads a CSV exported by another system. Cities export Shift_JIS as often as UTF-8: a file with
/// a UTF-8 byte-order mark, or one that decodes as strict UTF-8, is UTF-8; anything else is read
/// as Shift_JIS (code page 932), unless the user chose the encoding.
/// </summary>
public static class SurveyImportFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        DetectDelimiter = false,
        BadDataFound = null,
        MissingFieldFound = null,
    };

    static SurveyImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SurveyImportTable ReadCsv(byte[] bytes, ImportEncoding encoding = ImportEncoding.Detect)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (text, used) = Decode(bytes, encoding);
        var records = new List<IReadOnlyList<string>>();
        using (var reader = new StringReader(text))
        using (var csv = new CsvReader(reader, Configuration))
        {
            while (csv.Read())
            {
                var record = csv.Parser.Record ?? [];
                if (record.Any(cell => !string.IsNullOrWhiteSpace(cell)))
                {
                    records.Add(record);
                }
            }
        }

        return records.Count == 0
            ? new SurveyImportTable([], [], used)
            : new SurveyImportTable(records[0], records.Skip(1).ToList(), used);
    }

    private static (string Text, ImportEncoding Used) Decode(byte[] bytes, ImportEncoding encoding)
    {
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if (encoding == ImportEncoding.ShiftJis)
        {
            return (Encoding.GetEncoding(932).GetString(bytes), ImportEncoding.ShiftJis);
        }

        if (hasBom)
        {
            return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), ImportEncoding.Utf8);
        }

        if (encoding == ImportEncoding.Utf8)
        {
            return (Encoding.UTF8.GetString(bytes), ImportEncoding.Utf8);
        }

        try
        {
            return (StrictUtf8.GetString(bytes), ImportEncoding.Utf8);
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(932).GetString(bytes), ImportEncoding.ShiftJis);
        }
    }
}
