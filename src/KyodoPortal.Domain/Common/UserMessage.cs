using System.Globalization;

namespace KyodoPortal.Domain.Common;

/// <summary>
/// A sentence the portal says to a person: a Japanese composite-format template (which is also the
/// resource key, decision 0003) and its arguments, kept apart so the web layer can translate the
/// template first and then format the arguments for the reader's language.
/// </summary>
/// <remarks>
/// Arguments that read differently per language are passed as values, not as text: a
/// <see cref="FiscalYear"/> (令和7年度 / FY2025), a <see cref="DateOnly"/>, a <see cref="Yen"/>
/// amount, an enum value (its [Display] name), or another <see cref="UserMessage"/>. Names typed by
/// people (titles, criteria) are plain strings and stay as written.
/// </remarks>
public sealed class UserMessage
{
    /// <summary>Nothing to say: formats to the empty string in every language.</summary>
    public static readonly UserMessage None = new(string.Empty);

    public UserMessage(string template, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(template);
        Template = template;
        Arguments = arguments ?? [];
    }

    /// <summary>The Japanese text with <c>{0}</c>, <c>{1}</c>… placeholders; the resource key.</summary>
    public string Template { get; }

    public IReadOnlyList<object?> Arguments { get; }

    public bool IsEmpty => Template.Length == 0;

    /// <summary>A message without arguments, written as its Japanese text.</summary>
    public static implicit operator UserMessage(string template) => new(template);

    /// <summary>
    /// Several messages or values in a row (e.g. one refusal per line), each formatted and
    /// translated on its own: the template is only placeholders and <paramref name="separator"/>.
    /// </summary>
    public static UserMessage Join(string separator, IEnumerable<object?> parts)
    {
        ArgumentNullException.ThrowIfNull(separator);
        ArgumentNullException.ThrowIfNull(parts);
        var arguments = parts.ToArray();
        var escaped = separator.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        var template = string.Join(escaped, Enumerable.Range(0, arguments.Length).Select(index => "{" + index.ToString(CultureInfo.InvariantCulture) + "}"));
        return new UserMessage(template, arguments);
    }

    /// <summary>The Japanese sentence (for logs, tests and places without a localizer).</summary>
    public override string ToString() =>
        Arguments.Count == 0
            ? Template
            : string.Format(CultureInfo.InvariantCulture, Template, Arguments.Select(JapaneseArgument).ToArray());

    private static object? JapaneseArgument(object? argument) => argument switch
    {
        FiscalYear year => year.FirstDay >= JapaneseFormat.FirstWarekiDate ? year.ToJapaneseLabel() : year.ToEnglishLabel(),
        DateOnly date => date >= JapaneseFormat.FirstWarekiDate ? JapaneseFormat.WarekiDate(date) : JapaneseFormat.IsoDate(date),
        Yen yen => JapaneseFormat.JapaneseYen(yen.Amount),
        Enum value => DisplayNameOf(value),
        UserMessage message => message.ToString(),
        _ => argument,
    };

    /// <summary>The [Display] name of an enum value (the Japanese label), or its name.</summary>
    public static string DisplayNameOf(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return EnumDisplay.AttributeName(value) ?? value.ToString();
    }
}

/// <summary>An amount of money in yen as a message argument (1,234円 / ¥1,234).</summary>
public readonly record struct Yen(long Amount);
