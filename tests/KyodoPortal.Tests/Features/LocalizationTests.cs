using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Domain;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web;
using KyodoPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed partial class LocalizationTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_footer_switch_turns_the_site_English_and_back_without_JavaScript()
    {
        using var client = factory.CreatePageClient();

        var english = await client.FollowLinkAsync(await client.GetPageAsync("/account/login"), ".language-switch a");

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", english.Text("h1"));
        Assert.Equal("E-mail address", english.Text("label[for=Email]"));

        Assert.Equal("日本語", english.Text(".language-switch a"));
        var japanese = await client.FollowLinkAsync(english, ".language-switch a");
        Assert.Equal("ja", japanese.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ログイン", japanese.Text("h1"));
    }

    [Fact]
    public async Task Validation_messages_follow_the_chosen_language()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        await coordinator.FollowLinkAsync(await coordinator.GetPageAsync("/"), ".language-switch a");

        using var response = await coordinator.SubmitAsync(await coordinator.GetPageAsync("/departments/new"), "main form", ("Input.Name", ""));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("'Department name' must not be empty.", page.Text("[data-valmsg-for='Input.Name']"));
    }

    [Fact]
    public async Task The_language_switch_only_returns_to_pages_on_this_site()
    {
        using var client = factory.CreatePageClient();

        using var response = await client.Http.GetAsync("/culture?culture=en&returnUrl=" + Uri.EscapeDataString("//evil.example/"));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Every_Japanese_text_used_in_views_and_code_has_an_English_translation()
    {
        var root = RepositoryPaths.Root();
        var web = Path.Combine(root, "src", "KyodoPortal.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)

                // The large-city generator's phrase lists are the city's data (group names, texts), not UI.
                && !f.Contains($"{Path.DirectorySeparatorChar}Data{Path.DirectorySeparatorChar}Generation{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src", "KyodoPortal.Domain"), "*.cs", SearchOption.AllDirectories))
            .SelectMany(f => LocalizedText().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        Assert.True(used.Count > 100, $"Only {used.Count} localized texts found: is the pattern still right?");
        var missing = used.Where(u => !english.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Add these to Resources/SharedResource.en.resx:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task A_group_member_reading_English_sees_what_a_proposal_misses_in_English_with_fiscal_years()
    {
        const int year = 2027;
        var group = await factory.AddGroupAsync("就労支援ネット" + Guid.NewGuid().ToString("N")[..6]);
        var department = await factory.AddDepartmentAsync("商工課" + Guid.NewGuid().ToString("N")[..6]);
        var email = $"english-member-{Guid.NewGuid():N}@example.jp";
        await factory.CreateUserAsync(email, [KyodoRoles.GroupMember], departmentId: null, groupId: group.Id);
        var call = new Call("令和9年度 市民活動団体提案協働事業", ProposalType.GroupProposal, year, DateTime.UtcNow.AddDays(-10), DateTime.UtcNow.AddDays(20), 600_000, 300_000, 3, null);
        call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", null, 2, 5)]);
        call.Publish();
        await factory.AddAsync(call);
        var now = DateTime.UtcNow;
        var proposal = new Proposal(call, "就労支援セミナー事業", group.Id, department.Id, "seed", now);
        proposal.UpdateOverview("就労支援セミナー事業", "背景", null, "対象者", year, 2, group.Id, department.Id, now);
        proposal.ReplaceSchedule([new ScheduleItemDraft(year, "初年度")], now);
        proposal.ReplaceBudget([.. Recipes.Seed000BudgetYear(year), .. Recipes.Seed000BudgetYear(year + 3)], now);
        await factory.AddAsync(proposal);
        using var member = factory.CreatePageClient();
        await member.SignInAsync(email, KyodoWebFactory.Password);
        await member.FollowLinkAsync(await member.GetPageAsync("/"), ".language-switch a");

        var page = await member.GetPageAsync($"/proposals/{proposal.Id}");

        var problems = page.Texts("#submission-problems li");
        Assert.Contains("The project's purpose is missing.", problems);
        Assert.Contains("The schedule for FY2028 is missing.", problems);
        Assert.Contains("A budget has been entered for a year outside the project term (FY2030).", problems);
        Assert.Contains("No KPIs have been set.", problems);
        Assert.DoesNotContain(problems, text => JapaneseCharacter().IsMatch(text));
    }

    [Fact]
    public void Every_Japanese_text_in_the_domain_is_a_translated_message_or_listed_data()
    {
        var root = RepositoryPaths.Root();
        var domain = Path.Combine(root, "src", "KyodoPortal.Domain");

        var untranslated = JapaneseLiteralsNotTranslated(root, [domain], DomainData, DomainJapaneseDocuments);

        Assert.True(untranslated.Count == 0, "Add these to Resources/SharedResource.en.resx (or, for data, to DomainData):\n" + string.Join('\n', untranslated));
    }

    [Fact]
    public void Every_Japanese_text_in_web_code_is_a_translated_message_or_a_Japanese_only_document()
    {
        var root = RepositoryPaths.Root();
        var web = Path.Combine(root, "src", "KyodoPortal.Web");

        var untranslated = JapaneseLiteralsNotTranslated(
            root, [Path.Combine(web, "Features"), Path.Combine(web, "Infrastructure")], new HashSet<string>(StringComparer.Ordinal), WebJapaneseDocuments);

        Assert.True(untranslated.Count == 0, "Add these to Resources/SharedResource.en.resx:\n" + string.Join('\n', untranslated));
    }

    [Fact]
    public void A_user_message_reads_in_Japanese_and_is_translated_with_its_arguments()
    {
        var term = new UserMessage("{0}〜{1}", new FiscalYear(2025), new FiscalYear(2026));
        var refusal = new UserMessage(
            "{0}は事業期間（{1}）外のため、報告を作成できません。{2}", new FiscalYear(2027), term, new UserMessage(Project.AfterTermMessage));
        var deviation = new UserMessage("参加費が計画と異なります（計画 {0}、実際 {1}）。承認された計画変更はありません。", new Yen(1000), new Yen(0));
        var state = new UserMessage("「{0}」の提案は編集できません。", ProposalStatus.Submitted);

        Assert.Equal("令和9年度は事業期間（令和7年度〜令和8年度）外のため、報告を作成できません。" + Project.AfterTermMessage, refusal.ToString());
        Assert.Equal("参加費が計画と異なります（計画 1,000円、実際 0円）。承認された計画変更はありません。", deviation.ToString());
        Assert.Equal("「提出済み」の提案は編集できません。", state.ToString());
        Assert.Equal(string.Empty, UserMessage.None.ToString());

        var localizer = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var culture = CultureInfo.CurrentUICulture;
        var formatting = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal(
                "No report can be written for FY2027: it is outside the project term (FY2025–FY2026). "
                    + "Years after the term cannot be planned or recorded until a continuation review extends the term.",
                localizer.Localize(refusal));
            Assert.Equal(
                "The participation fee differs from the plan (planned ¥1,000, actual ¥0). No approved plan change covers it.",
                localizer.Localize(deviation));
            Assert.Equal("A proposal that is \"Submitted\" cannot be edited.", localizer.Localize(state));
            Assert.Equal(string.Empty, localizer.Localize(UserMessage.None));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = formatting;
        }
    }

    /// <summary>
    /// Japanese literals in <paramref name="folders"/> that are not resource keys: every literal
    /// with Japanese text is a message (a template, the key of its translation) unless it is listed
    /// data; Japanese interpolated strings (which can never be a key) only in Japanese-only documents.
    /// </summary>
    private static List<string> JapaneseLiteralsNotTranslated(
        string root, IEnumerable<string> folders, HashSet<string> data, HashSet<string> japaneseDocuments)
    {
        var english = XDocument.Load(Path.Combine(root, "src", "KyodoPortal.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var files = folders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 20, $"Only {files.Count} files found: are the folders still right?");

        var problems = new List<string>();
        var checkedTexts = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var japaneseDocument = japaneseDocuments.Contains(name);
            var lines = File.ReadAllLines(file);
            for (var index = 0; index < lines.Length; index++)
            {
                var code = lines[index].TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match literal in StringLiteral().Matches(lines[index]))
                {
                    var text = Regex.Unescape(literal.Groups["text"].Value);
                    if (!JapaneseCharacter().IsMatch(text) || literal.Groups["justification"].Success)
                    {
                        continue;
                    }

                    checkedTexts++;
                    var where = $"{name}:{index + 1}: {text}";
                    if (literal.Groups["interpolated"].Success)
                    {
                        if (!japaneseDocument)
                        {
                            problems.Add(where + "  (an interpolated string is never a resource key: use a UserMessage template with arguments)");
                        }
                    }
                    else if (!english.Contains(text) && !data.Contains(text) && !japaneseDocument)
                    {
                        problems.Add(where);
                    }
                }
            }
        }

        Assert.True(checkedTexts > 50, $"Only {checkedTexts} Japanese texts found: is the pattern still right?");
        return problems.Distinct().ToList();
    }

    /// <summary>Japanese literals in the domain that are data, not sentences to translate.</summary>
    private static readonly HashSet<string> DomainData = new(StringComparer.Ordinal)
    {
        // Japanese formatting of values (令和7年度, 1,000円, 元年): used only for the Japanese culture.
        "度", "元", "年", "円",
        // The default evaluation criteria: names stored with each evaluation round, edited like any name.
        "役割分担・対等性", "情報共有", "市民参加", "KPI達成度", "地域への効果", "費用対効果", "継続性",
        // Text of Japanese documents and data: the agreement's city-share line, a quantity unit, a separator.
        "市負担金: ", "人", "・", "（議題から外れた協働事業）",
        // The guideline's sub-area letters (ア, イ …): part of the printed numbering, like （１）.
        "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ",
    };

    /// <summary>
    /// Files that build Japanese-only text on purpose: the value formats (JapaneseFormat), the
    /// printed minutes, the plan comparison (descriptions of plan data, not yet translated).
    /// </summary>
    private static readonly HashSet<string> DomainJapaneseDocuments = new(StringComparer.Ordinal)
    {
        "JapaneseFormat.cs", "MinutesPrint.cs", "PlanComparison.cs",
    };

    /// <summary>
    /// Web files whose Japanese is not shown through the localizer: notice mails (sent in
    /// Japanese), the spreadsheet's Japanese number format and font, and FluentValidation's
    /// Japanese templates (English uses FluentValidation's own English).
    /// </summary>
    private static readonly HashSet<string> WebJapaneseDocuments = new(StringComparer.Ordinal)
    {
        "ReportNotices.cs", "MinutesNotice.cs", "ScreeningReminder.cs", "ScreeningDecisionsViewModels.cs",
        "XlsxExporter.cs", "FluentValidationSetup.cs",
    };

    /// <summary>A one-line C# string literal: regular or interpolated (not verbatim or raw), and whether it is an attribute's justification.</summary>
    [GeneratedRegex("""(?<justification>Justification = )?(?<![@"\w])(?<interpolated>\$)?"(?<text>(?:[^"\\\r\n]|\\.)*)"(?!")""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("""[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uFF66-\uFF9F]""")]
    private static partial Regex JapaneseCharacter();

    /// <summary>L["…"], localizer["…"], [Display(Name = "…")] and the role labels' Japanese names.</summary>
    [GeneratedRegex("""(?:\bL|localizer)\["(?<key>[^"]+)"|Display\(Name = "(?<key>[^"]+)"\)|=> "(?<key>[^"]*[\u3040-\u30FF\u4E00-\u9FFF][^"]*)",""")]
    private static partial Regex LocalizedText();
}
