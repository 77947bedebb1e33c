using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KyodoPortal.Web.Infrastructure.Forms;

public enum FlashKind
{
    /// <summary>What was done (role=status).</summary>
    Success,

    /// <summary>Done, but something after it did not work, e.g. a notice mail (role=alert).</summary>
    Warning,

    /// <summary>Nothing was done, and why (role=alert).</summary>
    Error,
}

/// <summary>A message for the next page, already translated.</summary>
public sealed record FlashMessage(FlashKind Kind, string Text);

/// <summary>
/// The one way a request leaves a message for the page after its redirect: typed messages kept in
/// TempData under one key and rendered once by the layout (<c>_Flash</c>), instead of string keys
/// each page has to know about.
/// </summary>
public static class Flash
{
    private const string Key = "Flash";

    public static void Success(this ITempDataDictionary tempData, string text) => tempData.Add(FlashKind.Success, text);

    public static void Warning(this ITempDataDictionary tempData, string text) => tempData.Add(FlashKind.Warning, text);

    public static void Error(this ITempDataDictionary tempData, string text) => tempData.Add(FlashKind.Error, text);

    public static void Add(this ITempDataDictionary tempData, FlashKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var messages = tempData.Peek(Key) is string stored ? Read(stored) : [];
        messages.Add(new FlashMessage(kind, text));
        tempData[Key] = JsonSerializer.Serialize(messages);
    }

    /// <summary>The messages left for this page (most important first); reading them removes them.</summary>
    public static IReadOnlyList<FlashMessage> Take(this ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        return tempData[Key] is string stored
            ? [.. Read(stored).OrderByDescending(m => m.Kind)]
            : [];
    }


    /// <summary>The stored form, for tests that read a cookie's TempData directly.</summary>
    public static IReadOnlyList<FlashMessage> Parse(object? stored) => stored is string text ? Read(text) : [];

    private static List<FlashMessage> Read(string stored)
    {
        try
        {
            return JsonSerializer.Deserialize<List<FlashMessage>>(stored) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
