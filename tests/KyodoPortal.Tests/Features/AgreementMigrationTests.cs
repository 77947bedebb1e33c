using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// AgreementRolesPerParty moves the two-column role split (GroupRole, CityRole) of stored agreements
/// to one role per party. Runs the SQLite migration on rows of the old shape; the same SQL (quoted for
/// each provider) is in the PostgreSQL and SQL Server migrations.
/// </summary>
public sealed class AgreementMigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kyodo-tests", "migration-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Migrating_gives_the_group_role_to_the_proposing_group_and_the_city_role_to_the_partner_department()
    {
        Directory.CreateDirectory(_folder);
        var options = new DbContextOptionsBuilder<SqliteKyodoDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "kyodo.db")};Pooling=False").Options;
        await using (var before = new SqliteKyodoDbContext(options))
        {
            var migrations = before.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_AgreementRolesPerParty", StringComparison.Ordinal));
            await before.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);

            // Two stored agreements of the old shape: a four-party one where the proposing group (7)
            // and the partner department (3) are not the first of their kind, and one with a company
            // and no citizen group. Foreign keys off: only the agreement's own tables matter here.
            await before.Database.ExecuteSqlRawAsync("""
                PRAGMA foreign_keys = OFF;
                INSERT INTO "Projects" ("Id","ProposalId","CallId","Title","ProposingGroupId","PartnerDepartmentId","StartFiscalYear","EndFiscalYear","Status","CreatedAtUtc","Version","IsMarkedAsCase","IsCasePublished") VALUES
                 (1, 1, 1, 'three', 7, 3, 2025, 2026, 'Preparing', '2025-01-09 01:00:00', 1, 0, 0),
                 (2, 2, 1, 'company', 7, 3, 2025, 2026, 'Preparing', '2025-01-09 01:00:00', 1, 0, 0);
                INSERT INTO "ProjectAgreements" ("ProjectId","StartFiscalYear","EndFiscalYear","CityShareTotal","DraftedAtUtc","UpdatedAtUtc") VALUES
                 (1, 2025, 2026, 600000, '2025-01-09 01:00:00', '2025-01-09 01:00:00'),
                 (2, 2025, 2026, 0, '2025-01-09 01:00:00', '2025-01-09 01:00:00');
                INSERT INTO "ProjectAgreementParties" ("Id","Kind","CitizenGroupId","DepartmentId","Name","SortOrder","ProjectId") VALUES
                 (1, 'Department', NULL, 77, '産業振興課', 1, 1),
                 (2, 'CitizenGroup', 8, NULL, '講師の団体', 2, 1),
                 (3, 'CitizenGroup', 7, NULL, 'かまくら主婦''sネットワーク', 3, 1),
                 (4, 'Department', NULL, 3, '商工課', 4, 1),
                 (5, 'Department', NULL, 3, '商工課', 1, 2),
                 (6, 'Other', NULL, NULL, '株式会社かまくらワーク', 2, 2);
                INSERT INTO "ProjectAgreementRoleSplits" ("Id","Task","GroupRole","CityRole","SortOrder","ProjectId") VALUES
                 (1, '広報', 'チラシ作成とSNS発信', '広報紙への掲載', 1, 1),
                 (2, '会場', NULL, '市民会館の確保', 2, 1),
                 (3, '受付', '受付係', '案内表示', 1, 2);
                """);
        }

        await using var after = new SqliteKyodoDbContext(options);
        await after.GetService<IMigrator>().MigrateAsync();
        var agreements = (await after.Projects.AsNoTracking().OrderBy(p => p.Id).ToListAsync()).Select(p => p.Agreement!).ToList();

        var four = agreements[0].RoleSplits.OrderBy(r => r.SortOrder).ToList();
        Assert.Equal([null, null, "チラシ作成とSNS発信", "広報紙への掲載"], Enumerable.Range(1, 4).Select(four[0].RoleOf));
        Assert.Equal([null, null, null, "市民会館の確保"], Enumerable.Range(1, 4).Select(four[1].RoleOf));
        var company = Assert.Single(agreements[1].RoleSplits);
        Assert.Equal(["案内表示", "受付係"], Enumerable.Range(1, 2).Select(company.RoleOf));
        Assert.Equal("受付", company.Task);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
