using System.Globalization;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Tests.Domain;

public class FiscalYearTests
{
    [Theory]
    [InlineData("2026-03-31", 2025)]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2026-01-01", 2025)]
    [InlineData("2025-12-31", 2025)]
    [InlineData("2019-04-30", 2019)]
    [InlineData("2019-05-01", 2019)]
    public void A_date_belongs_to_the_fiscal_year_that_started_on_the_preceding_April_first(string date, int expectedStartYear)
    {
        var fiscalYear = FiscalYear.Of(DateOnly.Parse(date, CultureInfo.InvariantCulture));

        Assert.Equal(new FiscalYear(expectedStartYear), fiscalYear);
    }

    [Fact]
    public void April_first_starts_a_new_fiscal_year()
    {
        var march31 = FiscalYear.Of(new DateOnly(2026, 3, 31));
        var april1 = FiscalYear.Of(new DateOnly(2026, 4, 1));

        Assert.Equal("令和7年度", march31.ToJapaneseLabel());
        Assert.Equal("令和8年度", april1.ToJapaneseLabel());
        Assert.Equal(march31.Next(), april1);
    }

    [Theory]
    [InlineData("2026-03-31T15:00:00Z", 2026)]
    [InlineData("2026-03-31T14:59:59Z", 2025)]
    [InlineData("2026-04-01T00:00:00+09:00", 2026)]
    [InlineData("2026-03-31T23:59:59+09:00", 2025)]
    [InlineData("2026-03-31T12:00:00-05:00", 2026)]
    public void An_instant_is_classified_by_the_date_in_Japan(string instant, int expectedStartYear)
    {
        var fiscalYear = FiscalYear.Of(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

        Assert.Equal(expectedStartYear, fiscalYear.StartYear);
    }

    [Fact]
    public void First_and_last_days_span_April_first_to_March_thirty_first()
    {
        var fiscalYear = new FiscalYear(2024);

        Assert.Equal(new DateOnly(2024, 4, 1), fiscalYear.FirstDay);
        Assert.Equal(new DateOnly(2025, 3, 31), fiscalYear.LastDay);
    }

    [Theory]
    [InlineData("2024-04-01", true)]
    [InlineData("2025-03-31", true)]
    [InlineData("2025-02-28", true)]
    [InlineData("2024-03-31", false)]
    [InlineData("2025-04-01", false)]
    public void Contains_includes_both_boundary_days(string date, bool expected)
    {
        var fiscalYear = new FiscalYear(2024);

        Assert.Equal(expected, fiscalYear.Contains(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(2024, "令和6年度")]
    [InlineData(2025, "令和7年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(2019, "令和元年度")]
    [InlineData(2020, "令和2年度")]
    [InlineData(1988, "昭和63年度")]
    [InlineData(1989, "平成元年度")]
    public void The_default_label_uses_the_era_in_force_at_the_end_of_the_start_year(int startYear, string expected)
    {
        Assert.Equal(expected, new FiscalYear(startYear).ToJapaneseLabel());
    }

    [Theory]
    [InlineData(2019, "平成31年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(2020, "令和2年度")]
    [InlineData(1988, "昭和63年度")]
    [InlineData(1989, "平成元年度")]
    public void The_first_day_rule_uses_the_era_in_force_on_April_first(int startYear, string expected)
    {
        Assert.Equal(expected, new FiscalYear(startYear).ToJapaneseLabel(FiscalYearEraRule.EraOnFirstDay));
    }

    [Fact]
    public void The_English_label_is_FY_followed_by_the_start_year()
    {
        Assert.Equal("FY2024", new FiscalYear(2024).ToEnglishLabel());
        Assert.Equal("FY2024", new FiscalYear(2024).ToString());
    }

    [Theory]
    [InlineData("ja-JP", "令和元年度")]
    [InlineData("ja", "令和元年度")]
    [InlineData("en-US", "FY2019")]
    [InlineData("en", "FY2019")]
    [InlineData("", "FY2019")]
    public void ToString_with_a_culture_picks_the_label_language(string cultureName, string expected)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);

        Assert.Equal(expected, new FiscalYear(2019).ToString(culture));
    }

    [Fact]
    public void ToString_with_a_Japanese_culture_honours_the_era_rule()
    {
        var culture = CultureInfo.GetCultureInfo("ja-JP");

        Assert.Equal("平成31年度", new FiscalYear(2019).ToString(culture, FiscalYearEraRule.EraOnFirstDay));
    }

    [Fact]
    public void Next_and_previous_move_by_one_year()
    {
        var fiscalYear = new FiscalYear(2024);

        Assert.Equal(new FiscalYear(2025), fiscalYear.Next());
        Assert.Equal(new FiscalYear(2023), fiscalYear.Previous());
        Assert.Equal(fiscalYear, fiscalYear.Next().Previous());
    }

    [Fact]
    public void Fiscal_years_order_by_start_year()
    {
        var earlier = new FiscalYear(2024);
        var later = new FiscalYear(2025);

        Assert.True(earlier < later);
        Assert.True(earlier <= later);
        Assert.True(later > earlier);
        Assert.True(later >= earlier);
        Assert.True(earlier <= new FiscalYear(2024));
        Assert.True(earlier >= new FiscalYear(2024));
        Assert.False(later < earlier);
        Assert.True(earlier.CompareTo(later) < 0);
        Assert.Equal(0, earlier.CompareTo(new FiscalYear(2024)));
        Assert.Equal(
            [earlier, later],
            new[] { later, earlier }.Order().ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(9999)]
    public void A_start_year_without_a_representable_last_day_is_rejected(int startYear)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(startYear));
    }

    [Fact]
    public void An_unknown_era_rule_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(2024).ToJapaneseLabel((FiscalYearEraRule)42));
    }
}
