using System.Globalization;

namespace KyodoPortal.Web.Infrastructure.Files;

/// <summary>Sizes as people read them ("10 MB", "512 KB", "800 B"): the same in Japanese and English.</summary>
public static class FileSize
{
    private const double Kilobyte = 1024;
    private const double Megabyte = 1024 * 1024;

    public static string Format(long bytes) => bytes switch
    {
        >= (long)Megabyte => (bytes / Megabyte).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= (long)Kilobyte => (bytes / Kilobyte).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
