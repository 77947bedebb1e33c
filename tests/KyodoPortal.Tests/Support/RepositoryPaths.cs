namespace KyodoPortal.Tests.Support;

/// <summary>The repository's folders, for tests that read source files and documents.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding KyodoPortal.sln, found above the test binaries.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KyodoPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KyodoPortal.sln not found above the test binaries.");
    }
}
