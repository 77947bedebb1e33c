using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Infrastructure.Security;

/// <summary>
/// Where the data-protection keys live — the keys that sign and encrypt the session cookie,
/// antiforgery tokens and TempData. Every app instance must read the same keys, or a cookie
/// issued by one instance is refused by the next (signed out, forms refused).
/// By default they are rows of the database every instance already shares
/// (<see cref="KyodoDbContext.DataProtectionKeys"/>); <c>DataProtection:KeysFolder</c> names a
/// folder instead (a network share for several instances).
/// </summary>
public static partial class DataProtectionSetup
{
    public const string KeysFolderSetting = "DataProtection:KeysFolder";

    /// <summary>Where keys were kept before they moved to the database (Storage:DataPath/keys).</summary>
    public const string FormerKeysFolderName = "keys";

    public static IServiceCollection AddKyodoDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection().SetApplicationName("KyodoPortal");
        if (KeysFolder(configuration, environment) is { } folder)
        {
            builder.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
        else
        {
            builder.PersistKeysToDbContext<KyodoDbContext>();
        }

        return services;
    }

    /// <summary>The configured keys folder (relative to the content root), or null for the database.</summary>
    public static string? KeysFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[KeysFolderSetting];
        return string.IsNullOrWhiteSpace(configured)
            ? null
            : Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured);
    }

    /// <summary>
    /// Upgrade step: an install from before keys moved to the database has them as key-*.xml files
    /// in Storage:DataPath/keys. Copying them into the database (same friendly name, same XML, as the
    /// EF repository would have stored them) keeps everyone signed in and open forms valid across the
    /// upgrade. Runs once at start-up, before any key is read; a key already in the database is skipped.
    /// The folder is left as it is (remove it once the upgrade is done).
    /// </summary>
    public static async Task ImportFormerKeyFilesAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (KeysFolder(configuration, environment) is not null)
        {
            return;
        }

        var former = new DirectoryInfo(Path.Combine(StoragePaths.DataFolder(configuration, environment), FormerKeysFolderName));
        var files = former.Exists ? former.GetFiles("key-*.xml") : [];
        if (files.Length == 0)
        {
            return;
        }

        var db = services.GetRequiredService<KyodoDbContext>();
        var known = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken);
        var imported = 0;
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var friendlyName = Path.GetFileNameWithoutExtension(file.Name);
            if (known.Contains(friendlyName))
            {
                continue;
            }

            var xml = System.Xml.Linq.XElement.Load(file.FullName).ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = xml });
            imported++;
        }

        if (imported > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogImported(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataProtectionSetup)), imported, former.FullName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Imported {Count} data-protection key(s) from {Folder} into the database; the keys are read from the database from now on and the folder can be removed")]
    private static partial void LogImported(ILogger logger, int count, string folder);
}
