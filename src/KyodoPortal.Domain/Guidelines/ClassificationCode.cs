using System.Globalization;
using System.Text;

namespace KyodoPortal.Domain.Guidelines;

/// <summary>
/// Reads a classification as people type it. Seed 002 prints 「Ⅱ—ア」 (a Roman-numeral character and
/// an em dash); spreadsheets hold 「Ⅱ-ア」, 「Ⅱｰア」 (a half-width prolonged sound mark), 「II－ｱ」 or
/// 「２ア」. <see cref="Key"/> turns all of them into one comparison key: NFKC (full-width and
/// half-width forms, Ⅱ → II), every kind of dash and the long-vowel mark dropped, spaces and
/// brackets dropped, Latin upper case, a leading Arabic digit read as a Roman numeral, then the
/// numeral and the rest joined by one hyphen (<c>II-ア</c>). Dashes are dropped rather than mapped
/// because a scheme's sub-letters are single kana, never words with a long vowel.
/// </summary>
public static class ClassificationCode
{
    private static readonly string[] Numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];

    /// <summary>The comparison key, or null when nothing is left of <paramref name="typed"/>.</summary>
    public static string? Key(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var builder = new StringBuilder(typed.Length);
        foreach (var c in typed.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || IsDash(c) || c is '(' or ')' or '[' or ']' or '【' or '】' or '「' or '」')
            {
                continue;
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        var text = builder.ToString();
        if (text.Length == 0)
        {
            return null;
        }

        string numeral;
        string rest;
        if (char.IsAsciiDigit(text[0]) && text[0] != '0' && (text.Length == 1 || !char.IsAsciiDigit(text[1])))
        {
            numeral = Numerals[text[0] - '1'];
            rest = text[1..];
        }
        else
        {
            var length = 0;
            while (length < text.Length && text[length] is 'I' or 'V' or 'X')
            {
                length++;
            }

            numeral = text[..length];
            rest = text[length..];
        }

        return numeral.Length == 0 ? rest
            : rest.Length == 0 ? numeral
            : string.Create(CultureInfo.InvariantCulture, $"{numeral}-{rest}");
    }

    /// <summary>Whether two typed classifications name the same one.</summary>
    public static bool Same(string? left, string? right) =>
        Key(left) is { } key && string.Equals(key, Key(right), StringComparison.Ordinal);

    private static bool IsDash(char c) =>
        c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u30FC' or '\u2500' or '\u2501' or '\uFE58' or '\uFE63';
}
