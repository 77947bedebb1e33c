using KyodoPortal.Domain.Calls;

namespace KyodoPortal.Domain.Screening;

/// <summary>
/// What scoring needs of one <see cref="ScreeningCriterion"/>: its id, name (for messages), weight
/// and maximum points. Score sheets and the aggregation take these rather than the entity so
/// they can be used (and tested) without a database-assigned id.
/// </summary>
public sealed record RubricCriterion
{
    public RubricCriterion(int id, string name, int weight, int maxPoints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (weight is < ScreeningCriterion.MinWeight or > ScreeningCriterion.MaxWeight)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The weight is outside the range a screening criterion allows.");
        }

        if (maxPoints is < ScreeningCriterion.MinMaxPoints or > ScreeningCriterion.MaxMaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, "The maximum points are outside the range a screening criterion allows.");
        }

        Id = id;
        Name = name;
        Weight = weight;
        MaxPoints = maxPoints;
    }

    public int Id { get; }

    public string Name { get; }

    public int Weight { get; }

    public int MaxPoints { get; }

    public static RubricCriterion From(ScreeningCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return new RubricCriterion(criterion.Id, criterion.Name, criterion.Weight, criterion.MaxPoints);
    }

    /// <summary>The call's rubric in display order.</summary>
    public static IReadOnlyList<RubricCriterion> FromCall(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return [.. call.Criteria.OrderBy(criterion => criterion.SortOrder).Select(From)];
    }
}
