using System.Globalization;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Tests.Domain;

public class JapaneseFormatTests
{
    [Theory]
    [InlineData("2024-04-01", "令和6年4月1日")]
    [InlineData("2019-04-30", "平成31年4月30日")]
    [InlineData("2019-05-01", "令和元年5月1日")]
    [InlineData("2020-01-01", "令和2年1月1日")]
    [InlineData("1989-01-07", "昭和64年1月7日")]
    [InlineData("1989-01-08", "平成元年1月8日")]
    [InlineData("1926-12-24", "大正15年12月24日")]
    [InlineData("1926-12-25", "昭和元年12月25日")]
    [InlineData("1912-07-29", "明治45年7月29日")]
    [InlineData("1912-07-30", "大正元年7月30日")]
    [InlineData("1873-01-01", "明治6年1月1日")]
    public void Wareki_dates_switch_era_on_the_accession_day_and_write_year_one_as_gannen(string date, string expected)
    {
        Assert.Equal(expected, JapaneseFormat.WarekiDate(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("ja-JP", "平成30年6月23日（土）")]
    [InlineData("en", "2018-06-23 (Sat)")]
    public void A_meeting_day_is_written_with_its_day_of_the_week(string culture, string expected)
    {
        Assert.Equal(expected, JapaneseFormat.DateWithWeekday(new DateOnly(2018, 6, 23), CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void Wareki_dates_use_half_width_digits_without_padding()
    {
        var text = JapaneseFormat.WarekiDate(new DateOnly(2024, 12, 31));

        Assert.Equal("令和6年12月31日", text);
        Assert.DoesNotContain(text, c => c is >= '０' and <= '９');
    }

    [Fact]
    public void Dates_before_the_Gregorian_calendar_was_adopted_cannot_be_written_in_wareki()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => JapaneseFormat.WarekiDate(new DateOnly(1872, 12, 31)));

        Assert.Contains("1873-01-01", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wareki_year_omits_month_and_day()
    {
        Assert.Equal("令和元年", JapaneseFormat.WarekiYear(new DateOnly(2019, 5, 1)));
        Assert.Equal("平成31年", JapaneseFormat.WarekiYear(new DateOnly(2019, 4, 30)));
    }

    [Theory]
    [InlineData("2024-04-01", "2024-04-01")]
    [InlineData("0900-01-09", "0900-01-09")]
    public void Iso_dates_are_zero_padded_year_month_day(string date, string expected)
    {
        Assert.Equal(expected, JapaneseFormat.IsoDate(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("ja-JP", "令和元年5月1日")]
    [InlineData("ja", "令和元年5月1日")]
    [InlineData("en-US", "2019-05-01")]
    [InlineData("en", "2019-05-01")]
    [InlineData("", "2019-05-01")]
    public void Date_uses_wareki_for_Japanese_and_ISO_for_other_cultures(string cultureName, string expected)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);

        Assert.Equal(expected, JapaneseFormat.Date(new DateOnly(2019, 5, 1), culture));
    }

    [Theory]
    [InlineData(420_000L, "420,000円")]
    [InlineData(0L, "0円")]
    [InlineData(999L, "999円")]
    [InlineData(1_000L, "1,000円")]
    [InlineData(-120_000L, "-120,000円")]
    [InlineData(long.MaxValue, "9,223,372,036,854,775,807円")]
    [InlineData(long.MinValue, "-9,223,372,036,854,775,808円")]
    public void Yen_is_written_with_thousands_separators_and_the_en_suffix(long amount, string expected)
    {
        Assert.Equal(expected, JapaneseFormat.JapaneseYen(amount));
    }

    [Theory]
    [InlineData(420_000L, "ja-JP", "420,000円")]
    [InlineData(-120_000L, "ja", "-120,000円")]
    [InlineData(420_000L, "en-US", "¥420,000")]
    [InlineData(0L, "en", "¥0")]
    [InlineData(-120_000L, "en-US", "-¥120,000")]
    [InlineData(420_000L, "", "¥420,000")]
    [InlineData(long.MinValue, "en-US", "-¥9,223,372,036,854,775,808")]
    public void Yen_with_a_culture_uses_the_en_suffix_only_for_Japanese(long amount, string cultureName, string expected)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);

        Assert.Equal(expected, JapaneseFormat.Yen(amount, culture));
    }

    [Fact]
    public void The_English_yen_sign_is_the_ascii_compatible_U_00A5()
    {
        var text = JapaneseFormat.Yen(1, CultureInfo.GetCultureInfo("en-US"));

        Assert.Equal('\u00A5', text[0]);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("-120,000円", JapaneseFormat.JapaneseYen(-120_000));
            Assert.Equal("令和6年4月1日", JapaneseFormat.WarekiDate(new DateOnly(2024, 4, 1)));
            Assert.Equal("2024-04-01", JapaneseFormat.IsoDate(new DateOnly(2024, 4, 1)));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
