using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Guidelines;

namespace KyodoPortal.Tests.Domain.Guidelines;

/// <summary>Issue 17 A: a period's measures read from a spreadsheet, every row checked before anything is made.</summary>
public class MeasureImportTests
{
    [Theory]
    [InlineData("（２）", 2)]
    [InlineData("(2)", 2)]
    [InlineData("2", 2)]
    [InlineData("２", 2)]
    [InlineData(" （２） ", 2)]
    [InlineData("二", null)]
    [InlineData("", null)]
    public void An_area_is_read_with_or_without_brackets_in_either_width(string typed, int? number) =>
        Assert.Equal(number, MeasureImport.AreaNumber(typed));

    [Fact]
    public void Each_row_gets_its_own_reasons_and_a_file_with_one_bad_row_makes_no_measure()
    {
        var guideline = GuidelineTests.Seed002();
        var import = MeasureImport.Check(guideline,
        [
            new("（２）", "ア", "市民活動を支援するための基金の設置", "Ⅰ", "基金を設置します。"),
            new("(5)", null, "分野のない施策", "Ⅱ-ア", null),
            new("2", "ウ", "項目のない施策", "Ⅱ—イ", null),
            new("２", "ｲ", "  ", "Ⅳ", null),
            new(null, null, "空の分野", null, null),
        ]);

        Assert.False(import.IsValid);
        Assert.Empty(import.Rows[0].Errors);
        Assert.Equal(["分野「(5)」はこの指針にありません。"], import.Rows[1].Errors.Select(e => e.ToString()));
        Assert.Equal(["項目「ウ」は（2）にありません。"], import.Rows[2].Errors.Select(e => e.ToString()));
        Assert.Equal(["分類「Ⅳ」はこの指針にありません。", "施策名がありません。"], import.Rows[3].Errors.Select(e => e.ToString()));
        Assert.Equal(["分野がありません。", "分類がありません。"], import.Rows[4].Errors.Select(e => e.ToString()));
        Assert.Equal([2, 3, 4, 5, 6], import.Rows.Select(r => r.Number));
        Assert.Throws<DomainRuleException>(() => import.ToMeasures(guideline, guideline.PeriodNumbered(1), [1]));
    }

    [Fact]
    public void Valid_rows_become_measures_with_the_classes_priority_whatever_the_dash()
    {
        var guideline = GuidelineTests.Seed002();
        var import = MeasureImport.Check(guideline,
        [
            new("（２）", "ア", "市民活動を支援するための基金の設置", "Ⅰ", "基金を設置します。"),
            new("（２）", "ｱ", "ふるさと寄附金の活用", "Ⅱｰア", null),
            new("２", "イ", "市民活動補償制度", "II－イ", null),
            new("1", null, "公共施設の有効利用", "【Ⅰ】", null),
        ]);

        var measures = import.ToMeasures(guideline, guideline.PeriodNumbered(1), [4]);

        Assert.Equal(["Ⅰ", "Ⅱ—ア", "Ⅱ—イ", "Ⅰ"], measures.Select(m => m.Classification.Code));
        Assert.Equal([true, false, false, true], measures.Select(m => m.IsPriority));
        Assert.Equal(["ア", "ア", "イ", null], measures.Select(m => m.SubArea?.Letter));
        Assert.All(measures, m => Assert.True(m.IsInChargeOf(4)));
    }

    [Fact]
    public void Nothing_is_imported_into_a_closed_period()
    {
        var guideline = GuidelineTests.Seed002();
        var import = MeasureImport.Check(guideline, [new("1", null, "公共施設の有効利用", "Ⅰ", null)]);
        guideline.PeriodNumbered(1).Close();

        Assert.Equal("第1期は終了しているため変更できません。", Assert.Throws<DomainRuleException>(() => import.ToMeasures(guideline, guideline.PeriodNumbered(1), [])).Message);
    }
}
