using System.Globalization;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// The agreement's third party (issue 13 item 7): a role for every party in the 役割分担 (not only
/// 団体 and 市), party rows with room for the role, and the printed 協定書 closing with the signing
/// clause, the date and a 記名押印欄 for each party (甲, 乙, 丙, …).
/// </summary>
[Trait("Category", "Database")]
public sealed class AgreementPartiesTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task A_three_party_agreement_keeps_a_role_for_each_party_in_the_form_the_page_and_the_print()
    {
        var s = await ProjectScenario.CreateAsync(factory, agreementSigned: false);
        var lecturer = await factory.AddGroupAsync("キャリア講師の会" + Guid.NewGuid().ToString("N")[..4]);
        using var office = await s.CoordinatorAsync();

        // The proposal's 団体 and 市 roles arrive in the group's and the department's columns.
        var form = await office.GetPageAsync(s.ProjectUrl + "/agreement/edit");
        Assert.Equal(["項目", $"甲 {s.Group.Name}", $"乙 {s.Department.Name}"], form.Texts("#role-rows thead th"));
        Assert.Equal("チラシ作成とSNS発信", Field(form, "Input.Roles[0].PartyRoles[0]"));
        Assert.Equal("広報紙への掲載", Field(form, "Input.Roles[0].PartyRoles[1]"));
        Assert.IsAssignableFrom<IHtmlTextAreaElement>(form.QuerySelector("[name='Input.Parties[2].Role']"));

        // Adding the lecturer's group as a party gives the role split a third column.
        var saved = await office.SubmitAndFollowAsync(
            form,
            "main form",
            ("Input.Parties[2].Kind", nameof(AgreementPartyKind.CitizenGroup)),
            ("Input.Parties[2].CitizenGroupId", lecturer.Id.ToString(CultureInfo.InvariantCulture)),
            ("Input.Parties[2].Representative", "代表 中村 恵"),
            ("Input.Parties[2].Address", "鎌倉市御成町18-10"),
            ("Input.Parties[2].Role", "セミナー講師の派遣と企業紹介"));
        Assert.Equal("協定を保存しました。", saved.Text("[role=status]"));

        form = await office.GetPageAsync(s.ProjectUrl + "/agreement/edit");
        Assert.Equal(["項目", $"甲 {s.Group.Name}", $"乙 {s.Department.Name}", $"丙 {lecturer.Name}"], form.Texts("#role-rows thead th"));
        saved = await office.SubmitAndFollowAsync(
            form,
            "main form",
            ("Input.Roles[0].PartyRoles[2]", "講師の派遣と当日の進行"),
            ("Input.Roles[1].Task", "職場体験"),
            ("Input.Roles[1].PartyRoles[2]", "受け入れ企業の紹介"));
        Assert.Equal("協定を保存しました。", saved.Text("[role=status]"));

        foreach (var page in new[] { saved, await office.GetPageAsync(s.ProjectUrl + "/agreement/print") })
        {
            Assert.Equal(["項目", $"甲 {s.Group.Name}", $"乙 {s.Department.Name}", $"丙 {lecturer.Name}"], page.Texts("#agreement-roles thead th"));
            Assert.Equal(["広報", "チラシ作成とSNS発信", "広報紙への掲載", "講師の派遣と当日の進行"], page.Texts("#agreement-roles tbody tr:nth-child(1) > *"));
            Assert.Equal(["職場体験", "", "", "受け入れ企業の紹介"], page.Texts("#agreement-roles tbody tr:nth-child(2) > *"));
            Assert.Equal(["甲", "乙", "丙"], page.Texts("#agreement-parties tbody .party-designation"));
        }

        // The form shows what was saved, in the same columns.
        form = await office.GetPageAsync(s.ProjectUrl + "/agreement/edit");
        Assert.Equal("講師の派遣と当日の進行", Field(form, "Input.Roles[0].PartyRoles[2]"));
        Assert.Equal("", Field(form, "Input.Roles[1].PartyRoles[0]"));
        Assert.Equal("鎌倉市御成町18-10", Field(form, "Input.Parties[2].Address"));
    }

    [Fact]
    public async Task A_role_row_without_any_role_or_with_a_role_for_a_removed_party_is_refused_and_nothing_is_saved()
    {
        var s = await ProjectScenario.CreateAsync(factory, agreementSigned: false);
        using var office = await s.CoordinatorAsync();
        var form = await office.GetPageAsync(s.ProjectUrl + "/agreement/edit");

        var noRole = await office.SubmitAndFollowAsync(form, "main form", ("Input.Roles[1].Task", "記録の作成"));
        Assert.Contains("役割分担「記録の作成」のいずれかの当事者の役割を入力してください。", noRole.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(async db => (await db.Projects.AsNoTracking().SingleAsync(p => p.Id == s.Project.Id)).Agreement));

        // Removing the department (blanking its row) while its column still has a role.
        var orphan = await office.SubmitAndFollowAsync(
            form,
            "main form",
            ("Input.Parties[1].Kind", ""),
            ("Input.Parties[1].DepartmentId", ""),
            ("Input.Parties[1].Name", ""));
        Assert.Equal(
            "当事者を削除した列に役割が入っています。役割を消すか、当事者を戻してください。",
            orphan.Text("[data-valmsg-for='Input.Roles[0].PartyRoles[1]']"));
        Assert.Equal("広報紙への掲載", Field(orphan, "Input.Roles[0].PartyRoles[1]"));
        Assert.Null(await factory.QueryAsync(async db => (await db.Projects.AsNoTracking().SingleAsync(p => p.Id == s.Project.Id)).Agreement));
    }

    [Fact]
    public async Task The_print_closes_with_the_clause_for_N_copies_the_signing_date_and_a_seal_block_for_each_party()
    {
        var s = await ProjectScenario.CreateAsync(factory, thirdParties: true);
        using var member = await s.GroupMemberAsync();

        var print = await member.GetPageAsync(s.ProjectUrl + "/agreement/print");

        Assert.Equal("この協定の締結を証するため、本書4通を作成し、各当事者記名押印の上、各自1通を保有する。", print.Text("#print-closing"));
        Assert.Equal(JapaneseFormat.WarekiDate(new FiscalYear(s.FirstYear).FirstDay), print.Text("#print-signed-on"));
        Assert.Equal(["甲", "乙", "丙", "丁"], print.Texts(".seal-block .seal-block__designation"));
        Assert.Equal([s.Group.Name, s.Department.Name, s.LecturerGroup!.Name, s.CoSigningDepartment!.Name], print.Texts(".seal-block .seal-block__name dd"));
        Assert.Equal(["印", "印", "印", "印"], print.Texts(".seal-block .seal-block__seal"));
        Assert.Equal(4, print.QuerySelectorAll(".seal-block .seal-block__address").Length);
        Assert.Equal(4, print.QuerySelectorAll(".seal-block .seal-block__representative").Length);
        Assert.Equal(["甲", "乙", "丙", "丁"], print.Texts("#agreement-parties tbody .party-designation"));
    }

    [Fact]
    public async Task An_unsigned_agreement_prints_a_blank_date_to_fill_by_hand_and_the_party_address()
    {
        var s = await ProjectScenario.CreateAsync(factory, agreementSigned: false);
        using var office = await s.CoordinatorAsync();
        var form = await office.GetPageAsync(s.ProjectUrl + "/agreement/edit");
        await office.SubmitAndFollowAsync(
            form,
            "main form",
            ("Input.Parties[0].Address", "鎌倉市由比ガ浜1-2-3"),
            ("Input.Parties[0].Representative", "代表 山田花子"));

        var print = await office.GetPageAsync(s.ProjectUrl + "/agreement/print");

        Assert.Equal("この協定の締結を証するため、本書2通を作成し、各当事者記名押印の上、各自1通を保有する。", print.Text("#print-closing"));
        Assert.Equal("令和 年 月 日", print.Text("#print-signed-on"));
        Assert.Equal(["甲", "乙"], print.Texts(".seal-block .seal-block__designation"));
        Assert.Equal("鎌倉市由比ガ浜1-2-3", print.Text(".seal-block:nth-of-type(1) .seal-block__address dd"));
        Assert.Equal("代表 山田花子", print.Text(".seal-block:nth-of-type(1) .seal-block__representative dd"));
    }

    private static string? Field(IHtmlDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement textArea => textArea.Value,
        _ => null,
    };
}
