using System.Text;
using System.Text.RegularExpressions;

namespace KyodoPortal.Tests.Support;

/// <summary>Reads the .eml files the app wrote to its pickup folder, as a mail client would.</summary>
public sealed partial record PickupMail(string To, string Subject, string Body)
{
    public static IReadOnlyList<PickupMail> ReadAll(string dataFolder)
    {
        var folder = Path.Combine(dataFolder, "mail");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").OrderBy(File.GetCreationTimeUtc).Select(f => Parse(File.ReadAllText(f)))]
            : [];
    }

    private static PickupMail Parse(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = eml[..split];
        var body = eml[(split + 4)..];
        var unfolded = headers.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        string Header(string name) => Regex.Match(unfolded, $"^{name}: (.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();

        var decodedBody = Header("Content-Transfer-Encoding").Equals("base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))))
            : body;
        return new PickupMail(Header("To"), DecodeWords(Header("Subject")), decodedBody);
    }

    /// <summary>RFC 2047 base64 encoded words (=?utf-8?B?…?=), which System.Net.Mail writes for UTF-8 headers.</summary>
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value, m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["text"].Value)));

    [GeneratedRegex(@"=\?utf-8\?B\?(?<text>[^?]*)\?=\s*", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
