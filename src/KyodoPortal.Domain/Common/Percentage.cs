using System.Globalization;
using System.Numerics;

namespace KyodoPortal.Domain.Common;

/// <summary>
/// An exact rate in percent: attendance (7 of 20 = 35.0%), KPI attainment, a budget deviation
/// (−120,000 of 120,000 = −100.0%), a survey answer's share (8 of 25 = 32.0%).
/// </summary>
/// <remarks>
/// Kept as a reduced fraction of <see cref="BigInteger"/>s (like <c>Screening.Score</c>) so that
/// comparing and rounding never go through floating point. <see cref="Tenths"/> rounds to one
/// decimal half away from zero (32.45 → 32.5, −28.55 → −28.6); <see cref="ToString()"/> shows that
/// value with a percent sign. <c>default(Percentage)</c> is 0%.
/// </remarks>
public readonly struct Percentage : IEquatable<Percentage>, IComparable<Percentage>
{
    private static readonly BigInteger Hundred = new(100);

    private readonly BigInteger _numerator;
    private readonly BigInteger _denominatorMinusOne;

    private Percentage(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "A rate of a zero whole is undefined.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        _numerator = numerator / gcd;

        // Stored minus one so that default(Percentage) is 0/1 rather than an invalid 0/0.
        _denominatorMinusOne = (denominator / gcd) - 1;
    }

    /// <summary>The value in percent is <see cref="Numerator"/> / <see cref="Denominator"/>.</summary>
    public BigInteger Numerator => _numerator;

    public BigInteger Denominator => _denominatorMinusOne + 1;

    /// <summary>The percent value × 10, rounded half away from zero: 350 for 35.0%, −286 for −28.57…%.</summary>
    public long Tenths
    {
        get
        {
            var denominator = Denominator;
            var magnitude = ((20 * BigInteger.Abs(Numerator)) + denominator) / (2 * denominator);
            return (long)(Numerator.Sign < 0 ? -magnitude : magnitude);
        }
    }

    /// <summary>The percent value rounded to one decimal (half away from zero), for display.</summary>
    public decimal Rounded => Tenths / 10m;

    /// <summary><paramref name="part"/> of <paramref name="whole"/> in percent; <paramref name="whole"/> must not be 0.</summary>
    public static Percentage Of(long part, long whole) =>
        new(new BigInteger(part) * Hundred, new BigInteger(whole));

    /// <summary><paramref name="part"/> of <paramref name="whole"/> in percent, exactly; <paramref name="whole"/> must not be 0.</summary>
    public static Percentage Of(decimal part, decimal whole)
    {
        var (partNumerator, partDenominator) = Exact(part);
        var (wholeNumerator, wholeDenominator) = Exact(whole);
        return new Percentage(partNumerator * wholeDenominator * Hundred, wholeNumerator * partDenominator);
    }

    /// <summary>Like <see cref="Of(long, long)"/>, but null when <paramref name="whole"/> is 0 (no rate).</summary>
    public static Percentage? OfOrNull(long part, long whole) => whole == 0 ? null : Of(part, whole);

    /// <summary>Like <see cref="Of(decimal, decimal)"/>, but null when <paramref name="whole"/> is 0 (no rate).</summary>
    public static Percentage? OfOrNull(decimal part, decimal whole) => whole == 0m ? null : Of(part, whole);

    public static bool operator ==(Percentage left, Percentage right) => left.Equals(right);

    public static bool operator !=(Percentage left, Percentage right) => !left.Equals(right);

    public static bool operator <(Percentage left, Percentage right) => left.CompareTo(right) < 0;

    public static bool operator <=(Percentage left, Percentage right) => left.CompareTo(right) <= 0;

    public static bool operator >(Percentage left, Percentage right) => left.CompareTo(right) > 0;

    public static bool operator >=(Percentage left, Percentage right) => left.CompareTo(right) >= 0;

    public int CompareTo(Percentage other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Percentage other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Percentage other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>The display value, e.g. "35.0%" or "-100.0%" (invariant culture).</summary>
    public override string ToString() =>
        Rounded.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The display value with an explicit sign for deviations: "+20.0%", "-100.0%", "0.0%".</summary>
    public string ToSignedString() => Tenths > 0 ? "+" + ToString() : ToString();

    private static (BigInteger Numerator, BigInteger Denominator) Exact(decimal value)
    {
        // A decimal is mantissa / 10^scale with a 96-bit mantissa: exact as a fraction.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        var scale = (bits[3] >> 16) & 0xFF;
        return (bits[3] < 0 ? -mantissa : mantissa, BigInteger.Pow(10, scale));
    }
}
