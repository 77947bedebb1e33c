using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed partial class LocalizationTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_footer_switch_turns_the_site_English_and_back_without_JavaScript()
    {
        using var client = factory.CreatePageClient();

        var english = await client.SubmitAndFollowAsync(await client.GetPageAsync("/account/login"), "footer form", ("culture", "en"));

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", english.Text("h1"));
        Assert.Equal("E-mail address", english.Text("label[for=Email]"));

        var japanese = await client.SubmitAndFollowAsync(english, "footer form", ("culture", "ja-JP"));
        Assert.Equal("ja", japanese.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ログイン", japanese.Text("h1"));
    }

    [Fact]
    public async Task Validation_messages_follow_the_chosen_language()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        await coordinator.SubmitAsync(await coordinator.GetPageAsync("/"), "footer form", ("culture", "en"));

        using var response = await coordinator.SubmitAsync(await coordinator.GetPageAsync("/departments/new"), "main form", ("Input.Name", ""));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("'Department name' must not be empty.", page.Text("[data-valmsg-for='Input.Name']"));
    }

    [Fact]
    public async Task The_language_switch_only_returns_to_pages_on_this_site()
    {
        using var client = factory.CreatePageClient();

        using var response = await client.SubmitAsync(await client.GetPageAsync("/"), "footer form", ("culture", "en"), ("returnUrl", "//evil.example/"));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Every_Japanese_text_used_in_views_and_code_has_an_English_translation()
    {
        var root = RepositoryRoot();
        var web = Path.Combine(root, "src", "KyodoPortal.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src", "KyodoPortal.Domain"), "*.cs", SearchOption.AllDirectories))
            .SelectMany(f => LocalizedText().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        Assert.True(used.Count > 100, $"Only {used.Count} localized texts found: is the pattern still right?");
        var missing = used.Where(u => !english.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Add these to Resources/SharedResource.en.resx:\n" + string.Join('\n', missing));
    }

    /// <summary>L["…"], localizer["…"], [Display(Name = "…")] and the role labels' Japanese names.</summary>
    [GeneratedRegex("""(?:\bL|localizer)\["(?<key>[^"]+)"|Display\(Name = "(?<key>[^"]+)"\)|=> "(?<key>[^"]*[\u3040-\u30FF\u4E00-\u9FFF][^"]*)",""")]
    private static partial Regex LocalizedText();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KyodoPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KyodoPortal.sln not found above the test binaries.");
    }
}
