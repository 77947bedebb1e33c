namespace KyodoPortal.Web.Features;

/// <summary>An id and a name for a select list or a checkbox group.</summary>
public sealed record SelectOption(int Id, string Name);

public static class SelectOptionExtensions
{
    /// <summary>The names of <paramref name="ids"/> in the options' order, e.g. "子育て、教育".</summary>
    public static string NamesOf(this IEnumerable<SelectOption> options, IEnumerable<int> ids)
    {
        var wanted = ids.ToHashSet();
        return string.Join("、", options.Where(o => wanted.Contains(o.Id)).Select(o => o.Name));
    }
}
