using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Organizations;

/// <summary>
/// 活動分野: a field of civic activity (子育て, 環境, …) from the list the coordinating office
/// manages. Groups and themes are tagged with fields; shared fields are how themes find groups.
/// </summary>
public sealed class ActivityField
{
    public const int NameMaxLength = 50;

    // For EF Core materialization.
    private ActivityField()
    {
        Name = string.Empty;
    }

    public ActivityField(string name, int sortOrder)
    {
        Name = Text.Required(name, NameMaxLength, nameof(name));
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }
}

/// <summary>One field an entity (group or theme) is tagged with.</summary>
public sealed class FieldTag
{
    // For EF Core materialization.
    private FieldTag()
    {
    }

    public FieldTag(int activityFieldId)
    {
        ActivityFieldId = activityFieldId;
    }

    public int Id { get; private set; }

    public int ActivityFieldId { get; private set; }

    /// <summary>Replaces <paramref name="tags"/> with the distinct <paramref name="fieldIds"/>, keeping rows that stay.</summary>
    public static void Replace(List<FieldTag> tags, IEnumerable<int> fieldIds)
    {
        var wanted = fieldIds.Distinct().ToHashSet();
        tags.RemoveAll(t => !wanted.Contains(t.ActivityFieldId));
        foreach (var id in wanted.Where(id => tags.TrueForAll(t => t.ActivityFieldId != id)))
        {
            tags.Add(new FieldTag(id));
        }
    }
}
