using System.Security.Cryptography;

namespace KyodoPortal.Web.Infrastructure.Files;

/// <summary>
/// Keeps files in a folder outside the web root (by default <c>&lt;DataFolder&gt;/files</c>), as
/// <c>&lt;folder&gt;/&lt;first two characters of the key&gt;/&lt;key&gt;</c>. A key is 32 lower-case
/// hex characters (128 random bits); anything else is refused before the file system is touched.
/// Writes go to <c>&lt;folder&gt;/tmp</c> first and are moved into place, so a reader never sees
/// half a file (leftovers in tmp after a crash may be deleted at any time).
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    public const int KeyLength = 32;

    private const int BufferSize = 81920;
    private const string TempFolderName = "tmp";

    private readonly string _root;

    /// <param name="folder">The folder to keep files in; created on first save.</param>
    public LocalFileStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _root = Path.GetFullPath(folder);
    }

    /// <summary>The absolute folder files are kept in.</summary>
    public string Folder => _root;

    /// <summary>True only for exactly 32 characters of 0-9 / a-f (lower case).</summary>
    public static bool IsValidKey(string? key)
    {
        if (key is null || key.Length != KeyLength)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        return true;
    }

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);

        var key = NewKey();
        var target = PathFor(key);
        var temp = Path.Combine(_root, TempFolderName, NewKey() + ".tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                await content.CopyToAsync(output, BufferSize, cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            // Same volume, so the move is atomic; never overwrites (a key is never reused).
            File.Move(temp, target, overwrite: false);
            return key;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsValidKey(key))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            // FileShare.Delete: deleting an attachment does not have to wait for running downloads.
            Stream stream = new FileStream(PathFor(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsValidKey(key))
        {
            throw new ArgumentException("Not a file store key.", nameof(key));
        }

        // File.Delete ignores a missing file (but not a missing folder).
        var path = PathFor(key);
        if (Directory.Exists(Path.GetDirectoryName(path)))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyLength / 2));

    /// <summary>Only called with a validated key, so the result is always inside the folder.</summary>
    private string PathFor(string key) => Path.Combine(_root, key[..2], key);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Leftover temp file: harmless, never served.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
