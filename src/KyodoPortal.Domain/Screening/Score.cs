using System.Globalization;
using System.Numerics;

namespace KyodoPortal.Domain.Screening;

/// <summary>
/// An exact, non-negative rational number: a score on the 0–100 scale (a member's weighted score,
/// a proposal's mean) or, in <see cref="CriterionSummary"/>, mean points on a criterion's scale.
/// </summary>
/// <remarks>
/// <para>
/// Representation: <see cref="Numerator"/> / <see cref="Denominator"/>, always reduced (gcd 1)
/// with a positive denominator, so equal values are equal structurally: 1/3 and 2/6 are the same
/// <see cref="Score"/>. <c>default(Score)</c> is 0/1.
/// </para>
/// <para>
/// Comparison is exact, by cross-multiplication (a/b &lt; c/d ⇔ a·d &lt; c·b); no floating point is
/// involved in comparing or ranking. The parts are <see cref="BigInteger"/> rather than
/// <see cref="long"/> because the exact mean of member scores whose denominators differ (members
/// marking different criteria 該当なし) has the least common multiple of those denominators as its
/// denominator, which can outgrow a <see cref="long"/> with enough members.
/// </para>
/// <para>
/// Display: <see cref="Tenths"/> rounds to one decimal, half away from zero (66.65 → 66.7,
/// 66.64 → 66.6, 200/3 = 66.666… → 66.7); <see cref="Rounded"/> and <see cref="ToString()"/> show
/// that value. The rounded value is for display only.
/// </para>
/// </remarks>
public readonly struct Score : IEquatable<Score>, IComparable<Score>
{
    private readonly BigInteger _numerator;
    private readonly BigInteger _denominatorMinusOne;

    public Score(long numerator, long denominator)
        : this(new BigInteger(numerator), new BigInteger(denominator))
    {
    }

    internal Score(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "The denominator must be positive.");
        }

        if (numerator.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), "A score cannot be negative.");
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        _numerator = numerator / gcd;

        // Stored minus one so that default(Score) is 0/1 rather than an invalid 0/0.
        _denominatorMinusOne = (denominator / gcd) - 1;
    }

    public static Score Zero => default;

    public BigInteger Numerator => _numerator;

    public BigInteger Denominator => _denominatorMinusOne + 1;

    /// <summary>The value × 10 rounded half away from zero: 667 for 66.666…, 667 for 66.65, 666 for 66.64.</summary>
    public long Tenths => (long)(((20 * Numerator) + Denominator) / (2 * Denominator));

    /// <summary>The value rounded to one decimal (half away from zero), for display.</summary>
    public decimal Rounded => Tenths / 10m;

    /// <summary>A value given in tenths, e.g. a passing score of 600 = 60.0.</summary>
    public static Score FromTenths(int tenths) => new(tenths, 10);

    public static Score FromInteger(long value) => new(value, 1);

    public static bool operator ==(Score left, Score right) => left.Equals(right);

    public static bool operator !=(Score left, Score right) => !left.Equals(right);

    public static bool operator <(Score left, Score right) => left.CompareTo(right) < 0;

    public static bool operator <=(Score left, Score right) => left.CompareTo(right) <= 0;

    public static bool operator >(Score left, Score right) => left.CompareTo(right) > 0;

    public static bool operator >=(Score left, Score right) => left.CompareTo(right) >= 0;

    public int CompareTo(Score other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Score other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Score other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>An approximation for display and statistics only; never compare or rank with it.</summary>
    public double ToDouble()
    {
        // Scale before dividing so that very large parts never overflow a double.
        var scale = BigInteger.Pow(10, 15);
        return (double)(Numerator * scale / Denominator) / 1e15;
    }

    /// <summary>The display value with one decimal, e.g. "92.0" or "66.7" (invariant culture).</summary>
    public override string ToString() => Rounded.ToString("0.0", CultureInfo.InvariantCulture);

    internal static Score Sum(IEnumerable<Score> scores)
    {
        BigInteger numerator = BigInteger.Zero;
        BigInteger denominator = BigInteger.One;
        foreach (var score in scores)
        {
            // a/b + c/d over the least common multiple of b and d, kept small by reducing each step.
            var gcd = BigInteger.GreatestCommonDivisor(denominator, score.Denominator);
            var lcm = denominator / gcd * score.Denominator;
            numerator = (numerator * (lcm / denominator)) + (score.Numerator * (lcm / score.Denominator));
            denominator = lcm;
            var reduce = BigInteger.GreatestCommonDivisor(numerator, denominator);
            numerator /= reduce;
            denominator /= reduce;
        }

        return new Score(numerator, denominator);
    }

    internal static Score Mean(IReadOnlyCollection<Score> scores)
    {
        if (scores.Count == 0)
        {
            throw new ArgumentException("The mean of no values is undefined.", nameof(scores));
        }

        var sum = Sum(scores);
        return new Score(sum.Numerator, sum.Denominator * scores.Count);
    }

    /// <summary>
    /// The population standard deviation √(mean(x²) − mean(x)²); the variance is exact, the
    /// square root a double. For display only.
    /// </summary>
    internal static double PopulationStandardDeviation(IReadOnlyCollection<Score> scores)
    {
        var mean = Mean(scores);
        var meanOfSquares = Mean([.. scores.Select(score => new Score(score.Numerator * score.Numerator, score.Denominator * score.Denominator))]);
        var squaredMean = new Score(mean.Numerator * mean.Numerator, mean.Denominator * mean.Denominator);

        // mean(x²) ≥ mean(x)² always holds exactly, so the difference is never negative.
        var variance = new Score(
            (meanOfSquares.Numerator * squaredMean.Denominator) - (squaredMean.Numerator * meanOfSquares.Denominator),
            meanOfSquares.Denominator * squaredMean.Denominator);
        return Math.Sqrt(variance.ToDouble());
    }
}
