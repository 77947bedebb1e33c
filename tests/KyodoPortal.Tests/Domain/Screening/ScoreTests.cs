using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Tests.Domain.Screening;

public class ScoreTests
{
    [Fact]
    public void Equal_fractions_are_the_same_score()
    {
        var third = new Score(1, 3);
        var twoSixths = new Score(2, 6);

        Assert.Equal(third, twoSixths);
        Assert.True(third == twoSixths);
        Assert.Equal(0, third.CompareTo(twoSixths));
        Assert.Equal(third.GetHashCode(), twoSixths.GetHashCode());
        Assert.Equal(1, twoSixths.Numerator);
        Assert.Equal(3, twoSixths.Denominator);
    }

    [Fact]
    public void Scores_compare_exactly_where_floating_point_cannot_tell_them_apart()
    {
        var third = new Score(1, 3);
        var nearlyThird = new Score(3_333_333_333_333_333, 10_000_000_000_000_000);

        Assert.Equal(third.ToDouble(), nearlyThird.ToDouble());
        Assert.True(nearlyThird < third);
        Assert.NotEqual(third, nearlyThird);
    }

    [Theory]
    [InlineData(6665, 100, 667, "66.7")]
    [InlineData(6664, 100, 666, "66.6")]
    [InlineData(200, 3, 667, "66.7")]
    [InlineData(100, 3, 333, "33.3")]
    [InlineData(2300, 25, 920, "92.0")]
    [InlineData(5, 100, 1, "0.1")]
    [InlineData(4, 100, 0, "0.0")]
    [InlineData(100, 1, 1000, "100.0")]
    public void The_display_value_is_rounded_to_one_decimal_half_away_from_zero(long numerator, long denominator, long tenths, string display)
    {
        var score = new Score(numerator, denominator);

        Assert.Equal(tenths, score.Tenths);
        Assert.Equal(tenths / 10m, score.Rounded);
        Assert.Equal(display, score.ToString());
    }

    [Fact]
    public void The_default_score_is_zero()
    {
        Assert.Equal(Score.FromInteger(0), default);
        Assert.Equal(1, default(Score).Denominator);
        Assert.Equal("0.0", default(Score).ToString());
    }

    [Fact]
    public void A_passing_score_in_tenths_is_an_exact_value()
    {
        Assert.Equal(new Score(60, 1), Score.FromTenths(600));
        Assert.True(new Score(1199, 20) < Score.FromTenths(600));
        Assert.Equal(600, new Score(1199, 20).Tenths);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, -3)]
    [InlineData(-1, 3)]
    public void A_score_needs_a_positive_denominator_and_is_never_negative(long numerator, long denominator)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Score(numerator, denominator));
    }
}
