namespace KyodoPortal.Web.Infrastructure.Files;

/// <summary>
/// Stores attachment bytes under opaque keys. Keys are made by the store, never from user input;
/// permission checks belong to the caller (the store serves whatever key it is given).
/// </summary>
public interface IFileStore
{
    /// <summary>Writes <paramref name="content"/> (from its current position) and returns its new key.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>A read-only stream the caller disposes (MVC's <c>File(...)</c> does), or null when the key is unknown or malformed.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; a missing file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
