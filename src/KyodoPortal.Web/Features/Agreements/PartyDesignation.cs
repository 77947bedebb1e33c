using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Agreements;

/// <summary>
/// How a 協定 names its parties: 甲, 乙, 丙, … in party order (<c>AgreementParty.SortOrder</c>), the
/// designations the body, the role split and the 記名押印欄 share.
/// </summary>
public static class PartyDesignation
{
    private static readonly string[] Stems = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];

    /// <summary>The designation of the party with this number (1 = 甲); past the ten stems, 「第11当事者」.</summary>
    public static string Of(IStringLocalizer localizer, int number)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return number <= Stems.Length ? localizer[Stems[number - 1]] : localizer["第{0}当事者", number];
    }
}
