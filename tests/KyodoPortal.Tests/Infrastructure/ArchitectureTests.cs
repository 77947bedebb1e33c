using System.Text.RegularExpressions;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Infrastructure;

/// <summary>Rules of the code's shape that a reviewer would otherwise have to remember (docs/architecture.md, decision 0007).</summary>
public sealed partial class ArchitectureTests
{
    private const int MaxLines = 250;

    [Fact]
    public void Every_feature_folder_is_listed_in_the_architecture_document()
    {
        var root = RepositoryPaths.Root();
        var document = File.ReadAllText(Path.Combine(root, "docs", "architecture.md"));
        var listed = FeatureFolderEntry().Matches(document).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        var missing = Directory.EnumerateDirectories(Path.Combine(root, "src", "KyodoPortal.Web", "Features"))
            .Select(Path.GetFileName)
            .Where(name => !listed.Contains(name!))
            .ToList();

        Assert.True(missing.Count == 0, "Add these feature folders to the table in docs/architecture.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Controllers_leave_refusals_and_messages_to_the_form_command_runner()
    {
        var offenders = FeatureFiles("*.cs")
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(l => l.line.Contains("catch (DomainRuleException", StringComparison.Ordinal)
                || l.line.Contains("TempData[\"", StringComparison.Ordinal)
                || l.line.Contains("ChangeTracker.Clear()", StringComparison.Ordinal))
            .Select(l => $"{Path.GetFileName(l.file)}:{l.index + 1}: {l.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use FormCommands and Flash instead (decision 0007):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void No_controller_or_view_is_longer_than_250_lines()
    {
        var tooLong = FeatureFiles("*Controller.cs").Concat(FeatureFiles("*.cshtml"))
            .Select(file => (file, lines: File.ReadLines(file).Count()))
            .Where(f => f.lines > MaxLines)
            .Select(f => $"{Path.GetFileName(f.file)}: {f.lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Split these (controllers per concern, views into partials per panel; at most {MaxLines} lines):\n" + string.Join('\n', tooLong));
    }

    [Fact]
    public void Every_scrolling_table_wrapper_is_a_focusable_named_region()
    {
        // At phone width a .table-wrap scrolls sideways; keyboard users reach it only when it takes focus,
        // and a screen reader announces a focusable region by its name (axe: scrollable-region-focusable).
        var unnamed = FeatureFiles("*.cshtml")
            .SelectMany(file => TableWrap().Matches(File.ReadAllText(file)).Select(m => (file, tag: m.Value)))
            .Where(w => !w.tag.Contains("tabindex=\"0\"", StringComparison.Ordinal)
                || !w.tag.Contains("role=\"region\"", StringComparison.Ordinal)
                || !(w.tag.Contains("aria-label=\"", StringComparison.Ordinal) || w.tag.Contains("aria-labelledby=\"", StringComparison.Ordinal)))
            .Select(w => $"{Path.GetRelativePath(RepositoryPaths.Root(), w.file)}: {w.tag}")
            .ToList();

        Assert.True(unnamed.Count == 0, "Give these tabindex=\"0\" role=\"region\" and the table's caption as aria-label:\n" + string.Join('\n', unnamed));
    }

    private static IEnumerable<string> FeatureFiles(string pattern) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root(), "src", "KyodoPortal.Web", "Features"), pattern, SearchOption.AllDirectories);

    /// <summary>A row of the feature-folder table: | `Name/` | … |.</summary>
    [GeneratedRegex(@"^\| `(?<name>[A-Za-z]+)/` \|", RegexOptions.Multiline)]
    private static partial Regex FeatureFolderEntry();

    /// <summary>An element with the table-wrap class (the scroll container of wide tables).</summary>
    [GeneratedRegex(@"<div class=""table-wrap[^""]*""[^>]*>")]
    private static partial Regex TableWrap();
}
