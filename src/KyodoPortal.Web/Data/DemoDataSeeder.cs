using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Data;

/// <summary>
/// A believable small city for local use: departments, groups and one account per role.
/// Runs only when DemoData:Seed is on (Development) and only into an empty database.
/// The shared password comes from DemoData:Password (README lists it for local use).
/// </summary>
public sealed partial class DemoDataSeeder(
    KyodoDbContext db,
    UserManager<AppUser> users,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync()
    {
        if (await db.Departments.AnyAsync())
        {
            return;
        }

        var password = configuration["DemoData:Password"];
        if (string.IsNullOrWhiteSpace(password))
        {
            throw new InvalidOperationException("DemoData:Seed is on but DemoData:Password is empty.");
        }

        Department[] departments =
        [
            new("地域のつながり推進課", "共創計画部", "tsunagari@city.example.jp", "0467-00-0001"),
            new("商工課", "市民生活部", "shoko@city.example.jp", "0467-00-0002"),
            new("福祉総務課", "健康福祉部", "fukushi@city.example.jp", "0467-00-0003"),
            new("環境政策課", "環境部", "kankyo@city.example.jp", "0467-00-0004"),
            new("こども支援課", "こどもみらい部", "kodomo@city.example.jp", "0467-00-0005"),
        ];
        CitizenGroup[] groups =
        [
            new("NPO法人 湘南就労サポートネット", "しょうなんしゅうろうさぽーとねっと", LegalForm.NpoCorporation, "山田 花子", "市内全域"),
            new("認定NPO法人 こどもの居場所かまくら", "こどものいばしょかまくら", LegalForm.CertifiedNpoCorporation, "佐藤 健", "鎌倉地域"),
            new("一般社団法人 海と森の環境ラボ", "うみともりのかんきょうらぼ", LegalForm.GeneralIncorporatedAssociation, "鈴木 一郎", "腰越地域"),
            new("大船まちづくり研究会", "おおふなまちづくりけんきゅうかい", LegalForm.VoluntaryAssociation, "高橋 由美", "大船地域"),
            new("玉縄台自治会", "たまなわだいじちかい", LegalForm.NeighborhoodAssociation, "田中 誠", "玉縄地域"),
        ];
        db.Departments.AddRange(departments);
        db.CitizenGroups.AddRange(groups);
        await db.SaveChangesAsync();

        await CreateUserAsync("admin@example.jp", "システム管理者", KyodoRoles.Administrator, password);
        await CreateUserAsync("coordinator@example.jp", "協働 推子（地域のつながり推進課）", KyodoRoles.Coordinator, password, department: departments[0]);
        await CreateUserAsync("staff@example.jp", "商工 太郎（商工課）", KyodoRoles.DepartmentStaff, password, department: departments[1]);
        await CreateUserAsync("group@example.jp", "山田 花子（湘南就労サポートネット）", KyodoRoles.GroupMember, password, group: groups[0]);
        await CreateUserAsync("committee@example.jp", "評価 委員（市民活動推進委員会）", KyodoRoles.CommitteeMember, password);

        LogSeeded(logger, departments.Length, groups.Length);
    }

    private async Task CreateUserAsync(string email, string displayName, string role, string password, Department? department = null, CitizenGroup? group = null)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            DepartmentId = department?.Id,
            CitizenGroupId = group?.Id,
            LockoutEnabled = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role);
        }

        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Departments} departments, {Groups} groups, 5 accounts")]
    private static partial void LogSeeded(ILogger logger, int departments, int groups);
}
