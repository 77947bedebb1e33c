namespace KyodoPortal.Domain.Common;

/// <summary>
/// Guards for text the entities keep. Input validators give the user a friendly message first;
/// these make sure no code path can store text the database columns cannot hold.
/// </summary>
public static class Text
{
    public static string Required(string? value, int maxLength, string paramName)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException("A value is required.", paramName);
        }

        return CheckLength(trimmed, maxLength, paramName);
    }

    public static string? Optional(string? value, int maxLength, string paramName)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : CheckLength(trimmed, maxLength, paramName);
    }

    private static string CheckLength(string value, int maxLength, string paramName) =>
        value.Length <= maxLength
            ? value
            : throw new ArgumentException($"At most {maxLength} characters are allowed.", paramName);
}
