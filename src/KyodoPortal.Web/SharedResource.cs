using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace KyodoPortal.Web;

/// <summary>
/// Marker for the portal's one resource set. Keys are the Japanese text itself (the default UI
/// language); Resources/SharedResource.en.resx holds the English. A test fails when a key used in
/// a view or validator has no English entry.
/// </summary>
public sealed class SharedResource;
