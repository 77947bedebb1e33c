using KyodoPortal.Web.Infrastructure.Persistence;

namespace KyodoPortal.Web.Infrastructure.Files;

public static class FileStoreServiceCollectionExtensions
{
    /// <summary>The sub-folder of the data folder (Storage:DataPath) attachments are kept in.</summary>
    public const string FilesFolderName = "files";

    /// <summary>
    /// Registers <see cref="AttachmentPolicy"/> (section <c>Storage:Attachments</c>, checked at
    /// start-up), <see cref="AttachmentValidator"/> and a <see cref="LocalFileStore"/> in
    /// <c>&lt;DataFolder&gt;/files</c> as <see cref="IFileStore"/>.
    /// </summary>
    public static IServiceCollection AddKyodoFileStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        services.AddOptions<AttachmentPolicy>()
            .Bind(configuration.GetSection(AttachmentPolicy.SectionName))
            .Validate(policy => policy.MaxBytes > 0, "Storage:Attachments:MaxBytes must be positive.")
            .Validate(policy => policy.MaxPerProposal > 0, "Storage:Attachments:MaxPerProposal must be positive.")
            .ValidateOnStart();
        services.AddSingleton<AttachmentValidator>();

        // Resolved lazily, so test hosts that point Storage:DataPath elsewhere are honoured.
        services.AddSingleton<IFileStore>(_ =>
            new LocalFileStore(Path.Combine(StoragePaths.DataFolder(configuration, environment), FilesFolderName)));
        return services;
    }
}
