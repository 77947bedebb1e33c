using System.Globalization;
using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed class CallTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private static string Local(DateTime utc) => utc.AddHours(9).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_coordinator_creates_a_call_with_weighted_criteria_and_publishes_it_for_everyone()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var opens = DateTime.UtcNow.AddDays(-1);
        var closes = DateTime.UtcNow.AddDays(30);

        var created = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync("/calls/new"), "main form",
            ("Input.Name", "令和9年度 市民活動団体提案協働事業"),
            ("Input.ProposalType", nameof(ProposalType.GroupProposal)),
            ("Input.FiscalYear", "2027"),
            ("Input.OpensAt", Local(opens)),
            ("Input.ClosesAt", Local(closes)),
            ("Input.MaxCitySharePerYear", "300000"),
            ("Input.MaxCityShareTotal", "900000"),
            ("Input.MaxTermYears", "3"),
            ("Input.Criteria[0].Name", "公益性"), ("Input.Criteria[0].Weight", "3"), ("Input.Criteria[0].MaxPoints", "5"),
            ("Input.Criteria[1].Name", "実現可能性"), ("Input.Criteria[1].Weight", "2"), ("Input.Criteria[1].MaxPoints", "5"),
            ("Input.Criteria[2].Name", "協働の効果"), ("Input.Criteria[2].Description", "市と団体が組む意味があるか"), ("Input.Criteria[2].Weight", "1"), ("Input.Criteria[2].MaxPoints", "5"));

        Assert.Contains("作成しました", created.Text("[role=status]"), StringComparison.Ordinal);
        var id = created.Url.Split('/').Last();
        using var anonymous = factory.CreatePageClient();
        await anonymous.GetPageAsync($"/calls/{id}", HttpStatusCode.NotFound);

        await coordinator.SubmitAsync(created, $"form[action='/calls/{id}/publish']");
        var page = await anonymous.GetPageAsync($"/calls/{id}");

        Assert.Equal("令和9年度 市民活動団体提案協働事業", page.Text("h1"));
        Assert.Equal(["公益性", "実現可能性", "協働の効果"], page.Texts("#criteria-heading ~ .table-wrap tbody th"));
        Assert.Equal(["3", "5", "2", "5", "1", "5"], page.Texts("#criteria-heading ~ .table-wrap tbody td.num"));
        Assert.Contains("1年度 300,000円、全期間 900,000円", page.Texts("dl.details dd"));
        Assert.Contains("受付中", page.Texts(".badge"));
        Assert.NotNull(page.QuerySelector("a[href='/account/login?returnUrl=/calls/" + id + "']"));
    }

    [Fact]
    public async Task A_window_that_closes_before_it_opens_and_a_yearly_cap_above_the_total_are_refused()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var before = await factory.QueryAsync(db => db.Calls.CountAsync());

        using var response = await coordinator.SubmitAsync(await coordinator.GetPageAsync("/calls/new"), "main form",
            ("Input.Name", "逆転した募集"),
            ("Input.OpensAt", "2026-12-01T09:00"),
            ("Input.ClosesAt", "2026-11-01T17:00"),
            ("Input.MaxCitySharePerYear", "500000"),
            ("Input.MaxCityShareTotal", "300000"),
            ("Input.Criteria[0].Name", "重みのない基準"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("受付終了は受付開始より後にしてください。", page.Text("[data-valmsg-for='Input.ClosesAt']"));
        Assert.Equal("1年度の上限は全期間の上限以下にしてください。", page.Text("[data-valmsg-for='Input.MaxCitySharePerYear']"));
        Assert.NotNull(page.Text("[data-valmsg-for='Input.Criteria[0].Weight']"));
        Assert.Equal("逆転した募集", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(before, await factory.QueryAsync(db => db.Calls.CountAsync()));
    }

    [Fact]
    public async Task Criteria_cannot_change_after_screening_started()
    {
        var call = new Call("審査中の募集", ProposalType.GroupProposal, 2026, DateTime.UtcNow.AddDays(-30), DateTime.UtcNow.AddDays(-1), 900_000, 300_000, 3, null);
        call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", null, 3, 5)]);
        call.StartScreening(DateTime.UtcNow);
        await factory.AddAsync(call);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var form = await coordinator.GetPageAsync($"/calls/{call.Id}/edit");
        using var response = await coordinator.SubmitAsync(form, "main form", ("Input.Criteria[0].Weight", "5"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("審査が始まっているため", form.Text(".alert--info"), StringComparison.Ordinal);
        Assert.Contains("審査開始後は募集内容を変更できません。", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(3, await factory.QueryAsync(db => db.Calls.Where(c => c.Id == call.Id).SelectMany(c => c.Criteria).Select(c => c.Weight).SingleAsync()));
    }

    [Theory]
    [InlineData(KyodoRoles.GroupMember, true)]
    [InlineData(KyodoRoles.DepartmentStaff, false)]
    [InlineData(KyodoRoles.CommitteeMember, false)]
    public async Task Only_the_roles_a_call_is_for_see_the_propose_button_while_it_is_open(string role, bool expected)
    {
        var open = new Call("受付中の団体提案", ProposalType.GroupProposal, 2027, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), 900_000, 300_000, 3, null);
        open.Publish();
        var closed = new Call("締切済みの団体提案", ProposalType.GroupProposal, 2027, DateTime.UtcNow.AddDays(-20), DateTime.UtcNow.AddDays(-10), 900_000, 300_000, 3, null);
        closed.Publish();
        await factory.AddAsync(open);
        await factory.AddAsync(closed);
        using var client = await factory.SignedInAsync(role);

        var openPage = await client.GetPageAsync($"/calls/{open.Id}");
        var closedPage = await client.GetPageAsync($"/calls/{closed.Id}");

        Assert.Equal(expected, openPage.QuerySelector($"a[href='/calls/{open.Id}/proposals/new']") is not null);
        Assert.Null(closedPage.QuerySelector($"a[href='/calls/{closed.Id}/proposals/new']"));
        Assert.Contains("受付期間外", closedPage.Texts(".badge"));
    }

    [Fact]
    public async Task The_type_and_year_of_a_call_with_proposals_cannot_change()
    {
        var call = new Call("提案のある募集", ProposalType.GroupProposal, 2027, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), 900_000, 300_000, 3, null);
        call.Publish();
        await factory.AddAsync(call);
        var group = await factory.AddGroupAsync("提案している会");
        await factory.AddAsync(new KyodoPortal.Domain.Proposals.Proposal(call, "下書き", group.Id, null, "seed", DateTime.UtcNow));
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var response = await coordinator.SubmitAsync(await coordinator.GetPageAsync($"/calls/{call.Id}/edit"), "main form", ("Input.ProposalType", nameof(ProposalType.DepartmentProposal)));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("提案がある募集の提案の種類と対象年度は変更できません。", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(ProposalType.GroupProposal, await factory.QueryAsync(db => db.Calls.Where(c => c.Id == call.Id).Select(c => c.ProposalType).SingleAsync()));
    }

    [Fact]
    public async Task Two_criteria_with_the_same_name_are_refused_with_a_message()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var response = await coordinator.SubmitAsync(await coordinator.GetPageAsync("/calls/new"), "main form",
            ("Input.OpensAt", "2027-01-01T09:00"), ("Input.ClosesAt", "2027-02-01T17:00"),
            ("Input.MaxCitySharePerYear", "300000"), ("Input.MaxCityShareTotal", "900000"),
            ("Input.Criteria[0].Name", "公益性"), ("Input.Criteria[0].Weight", "1"), ("Input.Criteria[0].MaxPoints", "5"),
            ("Input.Criteria[1].Name", "公益性"), ("Input.Criteria[1].Weight", "2"), ("Input.Criteria[1].MaxPoints", "5"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("同じ名前の審査基準が複数あります。", page.Text("[data-valmsg-for='Input.Criteria']"));
    }
}
