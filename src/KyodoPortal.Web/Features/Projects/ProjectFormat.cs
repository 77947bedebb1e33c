using KyodoPortal.Web.Infrastructure.Formatting;

namespace KyodoPortal.Web.Features.Projects;

/// <summary>How the project pages write amounts that can go either way.</summary>
public static class ProjectFormat
{
    /// <summary>A budget effect with its sign: +60,000円, −120,000円, 0円 (a true minus sign, as printed).</summary>
    public static string SignedYen(long amount) => amount switch
    {
        > 0 => "+" + DisplayFormat.Yen(amount),
        < 0 => "\u2212" + DisplayFormat.Yen(-amount),
        _ => DisplayFormat.Yen(0),
    };
}
