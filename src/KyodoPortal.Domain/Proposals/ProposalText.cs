using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>How proposal messages name years and amounts.</summary>
internal static class ProposalText
{
    /// <summary>令和7年度; a year before wareki existed (only possible from bad input) as FY0005.</summary>
    public static string Year(int startYear)
    {
        var fiscalYear = new FiscalYear(startYear);
        return fiscalYear.FirstDay >= JapaneseFormat.FirstWarekiDate ? fiscalYear.ToJapaneseLabel() : fiscalYear.ToEnglishLabel();
    }

    public static string Yen(long amount) => JapaneseFormat.JapaneseYen(amount);
}
