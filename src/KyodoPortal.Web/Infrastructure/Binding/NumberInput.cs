using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KyodoPortal.Web.Infrastructure.Binding;

/// <summary>Why a typed number was refused.</summary>
public enum NumberProblem
{
    None,

    /// <summary>Not a number as written: letters, an exponent, misplaced separators (<c>1,2,3</c>).</summary>
    NotANumber,

    /// <summary>A fraction where only whole numbers are taken (yen, counts, years).</summary>
    NotWhole,

    /// <summary>Outside what the field's type holds.</summary>
    TooLarge,
}

/// <summary>
/// Reads a number the way people type one in Japan: full-width digits (<c>１２０，０００</c>),
/// thousands separators in their places (<c>120,000</c>), a full-width or typographic minus.
/// Anything else is refused rather than guessed at: <c>1,2,3</c> is not 123, <c>1e3</c> is not
/// 1000, and <c>1200.5</c> is not a number of yen.
/// </summary>
public static partial class NumberInput
{
    public static NumberProblem TryParse(string text, Type type, out object? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(type);
        value = null;
        var normalized = Normalize(text);
        var match = Written().Match(normalized);
        if (!match.Success)
        {
            return NumberProblem.NotANumber;
        }

        var whole = type == typeof(int) || type == typeof(long);
        if (whole && match.Groups["fraction"].Success)
        {
            return NumberProblem.NotWhole;
        }

        var plain = normalized.Replace(",", string.Empty, StringComparison.Ordinal);
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (type == typeof(int))
        {
            value = int.TryParse(plain, Styles, CultureInfo.InvariantCulture, out var i) ? i : null;
        }
        else if (type == typeof(long))
        {
            value = long.TryParse(plain, Styles, CultureInfo.InvariantCulture, out var l) ? l : null;
        }
        else if (type == typeof(decimal))
        {
            value = decimal.TryParse(plain, Styles, CultureInfo.InvariantCulture, out var d) ? d : null;
        }
        else
        {
            throw new ArgumentException($"{type} is not a number type this reader handles.", nameof(type));
        }

        return value is null ? NumberProblem.TooLarge : NumberProblem.None;
    }

    /// <summary>Full-width to half-width (NFKC), the minus signs people type to '-', spaces around removed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Normalize(NormalizationForm.FormKC)
            .Replace('\u2212', '-') // MINUS SIGN
            .Replace('\u30FC', '-') // KATAKANA-HIRAGANA PROLONGED SOUND MARK, typed for a minus on Japanese keyboards
            .Trim();
    }

    /// <summary>An optional minus, digits either plain or grouped by three with commas, an optional fraction.</summary>
    [GeneratedRegex(@"^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?<fraction>\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Written();
}
