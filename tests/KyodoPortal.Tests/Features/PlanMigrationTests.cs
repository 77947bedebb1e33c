using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// PlanRolesPerParty moves the two-column role split (GroupRole, CityRole) inside stored plan
/// versions and change requests (JSON documents) to one role per party of the agreement, by the rule
/// AgreementRolesPerParty used for agreements. Runs the SQLite migration on documents of the old
/// shape; the PostgreSQL (jsonb) and SQL Server (OPENJSON) migrations do the same.
/// </summary>
public sealed class PlanMigrationTests : IDisposable
{
    private const string Empty = "\"Activities\":[],\"BudgetLines\":[],\"KpiTargets\":[],\"Kpis\":[]";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kyodo-tests", "migration-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Migrating_gives_each_plan_s_group_role_and_city_role_to_their_parties_and_keeps_every_row()
    {
        Directory.CreateDirectory(_folder);
        var options = new DbContextOptionsBuilder<SqliteKyodoDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "kyodo.db")};Pooling=False").Options;
        await using (var before = new SqliteKyodoDbContext(options))
        {
            var migrations = before.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_PlanRolesPerParty", StringComparison.Ordinal));
            await before.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);

            // Project 1: a four-party agreement where the proposing group (7) and the partner
            // department (3) are not the first of their kind; a plan and a change request.
            // Project 2: no agreement parties and no group (a department's proposal): the city's role
            // goes to party 1. Foreign keys off: only these tables matter here.
            // Run as a plain command: EF's raw SQL would read the JSON braces as format placeholders.
            var connection = before.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = $$"""
                PRAGMA foreign_keys = OFF;
                INSERT INTO "Projects" ("Id","ProposalId","CallId","Title","ProposingGroupId","PartnerDepartmentId","StartFiscalYear","EndFiscalYear","Status","CreatedAtUtc","Version","IsMarkedAsCase","IsCasePublished") VALUES
                 (1, 1, 1, 'four', 7, 3, 2025, 2026, 'InProgress', '2025-01-09 01:00:00', 1, 0, 0),
                 (2, 2, 1, 'department', NULL, 3, 2025, 2026, 'InProgress', '2025-01-09 01:00:00', 1, 0, 0);
                INSERT INTO "ProjectAgreementParties" ("Id","Kind","CitizenGroupId","DepartmentId","Name","SortOrder","ProjectId") VALUES
                 (1, 'Department', NULL, 77, '産業振興課', 1, 1),
                 (2, 'CitizenGroup', 8, NULL, '講師の団体', 2, 1),
                 (3, 'CitizenGroup', 7, NULL, 'かまくら主婦''sネットワーク', 3, 1),
                 (4, 'Department', NULL, 3, '商工課', 4, 1);
                INSERT INTO "ProjectPlans" ("Id","ProjectId","Number","ChangeRequestId","CreatedAtUtc","Content") VALUES
                 (1, 1, 1, NULL, '2025-04-01 03:00:00', '{{{Empty}},"RoleSplits":[{"CityRole":"広報紙への掲載","GroupRole":"チラシ作成とSNS発信","Task":"広報"},{"CityRole":"市民会館の確保","GroupRole":null,"Task":"会場"}]}'),
                 (2, 2, 1, NULL, '2025-04-01 03:00:00', '{{{Empty}},"RoleSplits":[{"CityRole":"広報紙への\"掲載\"","GroupRole":null,"Task":"広報"}]}'),
                 (3, 2, 2, NULL, '2025-05-01 03:00:00', '{{{Empty}},"RoleSplits":[]}');
                INSERT INTO "ChangeRequests" ("Id","ProjectId","BasePlanNumber","Reason","RequestedBy","RequestedByUserId","Status","CreatedAtUtc","Version","ProposedContent") VALUES
                 (1, 1, 1, '役割の見直し', 'Group', 'u1', 'Submitted', '2025-05-01 03:00:00', 1, '{{{Empty}},"RoleSplits":[{"CityRole":null,"GroupRole":"受付係","Task":"受付"}]}');
                """;
            await insert.ExecuteNonQueryAsync();
            await connection.CloseAsync();
        }

        await using var after = new SqliteKyodoDbContext(options);
        await after.GetService<IMigrator>().MigrateAsync();
        var plans = await after.ProjectPlans.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var request = await after.ChangeRequests.AsNoTracking().SingleAsync();

        var four = plans[0].Content.RoleSplits;
        Assert.Equal(["広報", "会場"], four.Select(r => r.Task));
        Assert.Equal([null, null, "チラシ作成とSNS発信", "広報紙への掲載"], Enumerable.Range(1, 4).Select(four[0].RoleOf));
        Assert.Equal([null, null, null, "市民会館の確保"], Enumerable.Range(1, 4).Select(four[1].RoleOf));
        var department = Assert.Single(plans[1].Content.RoleSplits);
        Assert.Equal(("広報", "広報紙への\"掲載\""), (department.Task, department.RoleOf(1)));
        Assert.Single(department.Roles);
        Assert.Empty(plans[2].Content.RoleSplits);
        var proposed = Assert.Single(request.ProposedContent.RoleSplits);
        Assert.Equal(("受付", "受付係"), (proposed.Task, proposed.RoleOf(3)));
        Assert.Single(proposed.Roles);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
