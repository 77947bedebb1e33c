using System.Text;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 13 item 13: screening and evaluation name a conflict of interest the same way
/// (利害関係あり／なし), and the score-sheet export says why a recused sheet does not count.
/// </summary>
[Trait("Category", "Database")]
public sealed class RecusalWordingTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_evaluation_declaration_offers_the_same_choices_as_screening()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var email = $"iin-{Guid.NewGuid():N}@example.jp";
        var member = await factory.CreateUserAsync(email, KyodoRoles.CommitteeMember);
        var round = await EvaluationScenario.RoundAsync(s, member.Id);
        using var client = factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);

        var page = await client.GetPageAsync($"/evaluations/{round}");

        var choices = page.QuerySelectorAll("input[name='Input.HasConflict']").Select(i => i.ParentElement!.TextContent.Trim()).ToList();
        Assert.Equal(2, choices.Count);
        Assert.Equal("利害関係なし", choices[0]);
        Assert.StartsWith("利害関係あり", choices[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evaluation_reason_is_labelled_as_screening_labels_it_and_is_required_exactly_when_declaring_a_conflict()
    {
        var screening = await ScreeningScenario.For(factory).WithProposal("利害関係の表記確認の提案").BuildAsync();
        var members = await screening.AddCommitteeMembersAsync(1);
        var screeningPanel = await screening.StartScreeningAsync(members.Select(m => m.Id));
        var s = await ProjectScenario.CreateAsync(factory);
        var round = await EvaluationScenario.RoundAsync(s, members[0].Id);
        using var member = factory.CreatePageClient();
        await member.SignInAsync(members[0].Email!, KyodoWebFactory.Password);

        var panel = await member.GetPageAsync($"/screening/{screeningPanel.Id}");
        var evaluation = await member.GetPageAsync($"/evaluations/{round}");

        var screeningLabel = panel.Text($"label[for='reason-{screening.Proposals[0].Id}']");
        Assert.Equal("利害関係の内容（「利害関係あり」の場合は必須）", screeningLabel);
        Assert.Equal(screeningLabel, evaluation.Text("label[for='declaration-reason']"));
        var refused = await member.SubmitAndFollowAsync(evaluation, "#declaration form", ("Input.HasConflict", "true"), ("Input.Reason", ""));
        Assert.Equal("利害関係がある場合は、その内容を入力してください。", refused.Text("#declaration .field-validation-error"));
        var declared = await member.SubmitAndFollowAsync(refused, "#declaration form", ("Input.HasConflict", "false"), ("Input.Reason", ""));
        Assert.Equal("利害関係なしと申告しました。評価票を入力できます。", declared.Text("[role=status]"));
    }

    [Fact]
    public async Task The_score_export_says_a_sheet_is_left_out_because_of_a_recusal()
    {
        var screening = await ScreeningScenario.For(factory).WithProposal("回避確認の提案").BuildAsync();
        var members = await screening.AddCommitteeMembersAsync(2);
        await screening.StartScreeningAsync(members.Select(m => m.Id));
        var proposal = screening.Proposals[0].Id;
        await screening.ScoreAsync(score => score.Submitted(members[0].Id, proposal, 4, 4, 4).Submitted(members[1].Id, proposal, 3, 3, 3));
        await screening.ScoreAsync(score => score.Recused(members[1].Id, proposal, "提案団体の理事を務めているため"));
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var csv = await coordinator.Http.GetAsync($"/calls/{screening.Call.Id}/screening/scores/export?format=csv");

        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, line => line.Contains(",集計対象,", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains(",集計対象外（利害関係により回避）,", StringComparison.Ordinal));
    }
}
