using KyodoPortal.Web.Infrastructure.Binding;

namespace KyodoPortal.Tests.Infrastructure;

public sealed class NumberInputTests
{
    [Theory]
    [InlineData("120000", 120000L)]
    [InlineData("120,000", 120000L)]
    [InlineData("１２０，０００", 120000L)]
    [InlineData("１２００００", 120000L)]
    [InlineData(" 1,234,567 ", 1234567L)]
    [InlineData("－500", -500L)]
    [InlineData("\u2212500", -500L)]
    [InlineData("0", 0L)]
    public void Whole_numbers_are_read_as_people_type_them(string typed, long expected)
    {
        Assert.Equal(NumberProblem.None, NumberInput.TryParse(typed, typeof(long), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,2,3", NumberProblem.NotANumber)]
    [InlineData("1e3", NumberProblem.NotANumber)]
    [InlineData("12,0000", NumberProblem.NotANumber)]
    [InlineData(",120", NumberProblem.NotANumber)]
    [InlineData("120円", NumberProblem.NotANumber)]
    [InlineData("\u0661\u0662", NumberProblem.NotANumber)]
    [InlineData("1200.5", NumberProblem.NotWhole)]
    [InlineData("１２００．５", NumberProblem.NotWhole)]
    [InlineData("2147483648", NumberProblem.TooLarge)]
    public void What_is_not_a_whole_number_as_written_is_refused_with_the_reason(string typed, NumberProblem problem)
    {
        Assert.Equal(problem, NumberInput.TryParse(typed, typeof(int), out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("42.5", "42.5")]
    [InlineData("１，２３４．５", "1234.5")]
    [InlineData("-0.25", "-0.25")]
    public void Decimals_take_a_fraction(string typed, string expected)
    {
        Assert.Equal(NumberProblem.None, NumberInput.TryParse(typed, typeof(decimal), out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }
}
