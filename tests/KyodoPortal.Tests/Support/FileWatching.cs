using System.Runtime.CompilerServices;

namespace KyodoPortal.Tests.Support;

/// <summary>
/// The test apps watch their files by polling rather than with inotify. Each app started by a test
/// takes a few inotify instances (configuration reload, the web root for <c>asp-append-version</c>),
/// Linux allows 128 per user, and a fresh-clone run beside another test run reached the limit: the
/// next app answered its first page with a 500. Polling (the runtime's
/// <c>DOTNET_USE_POLLING_FILE_WATCHER</c>, read when a file provider is created) takes none.
/// </summary>
internal static class FileWatching
{
    [ModuleInitializer]
    internal static void PollInsteadOfInotify() =>
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
