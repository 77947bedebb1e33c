using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgreementRolesPerParty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "ProjectAgreementParties",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProjectAgreementPartyRoles",
                columns: table => new
                {
                    PartyNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RoleSplitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectAgreementPartyRoles", x => new { x.RoleSplitId, x.PartyNumber });
                    table.ForeignKey(
                        name: "FK_ProjectAgreementPartyRoles_ProjectAgreementRoleSplits_RoleSplitId",
                        column: x => x.RoleSplitId,
                        principalTable: "ProjectAgreementRoleSplits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Keep the two-column roles: 団体の役割 goes to the proposing group's party (else the first
            // citizen group, else the first party that is not a department), 市の役割 to the partner
            // department's party (else the first department) — AgreementRoleSplitDraft.FromGroupAndCity.
            migrationBuilder.Sql(
                @"INSERT INTO ""ProjectAgreementPartyRoles"" (""RoleSplitId"", ""PartyNumber"", ""Role"") SELECT s.""Id"", COALESCE((SELECT MIN(p.""SortOrder"") FROM ""ProjectAgreementParties"" p INNER JOIN ""Projects"" pr ON pr.""Id"" = p.""ProjectId"" WHERE p.""ProjectId"" = s.""ProjectId"" AND p.""Kind"" = 'CitizenGroup' AND p.""CitizenGroupId"" = pr.""ProposingGroupId""), (SELECT MIN(p.""SortOrder"") FROM ""ProjectAgreementParties"" p WHERE p.""ProjectId"" = s.""ProjectId"" AND p.""Kind"" = 'CitizenGroup'), (SELECT MIN(p.""SortOrder"") FROM ""ProjectAgreementParties"" p WHERE p.""ProjectId"" = s.""ProjectId"" AND p.""Kind"" <> 'Department')), s.""GroupRole"" FROM ""ProjectAgreementRoleSplits"" s WHERE s.""GroupRole"" IS NOT NULL;");

            migrationBuilder.Sql(
                @"INSERT INTO ""ProjectAgreementPartyRoles"" (""RoleSplitId"", ""PartyNumber"", ""Role"") SELECT s.""Id"", COALESCE((SELECT MIN(p.""SortOrder"") FROM ""ProjectAgreementParties"" p INNER JOIN ""Projects"" pr ON pr.""Id"" = p.""ProjectId"" WHERE p.""ProjectId"" = s.""ProjectId"" AND p.""Kind"" = 'Department' AND p.""DepartmentId"" = pr.""PartnerDepartmentId""), (SELECT MIN(p.""SortOrder"") FROM ""ProjectAgreementParties"" p WHERE p.""ProjectId"" = s.""ProjectId"" AND p.""Kind"" = 'Department')), s.""CityRole"" FROM ""ProjectAgreementRoleSplits"" s WHERE s.""CityRole"" IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "CityRole",
                table: "ProjectAgreementRoleSplits");

            migrationBuilder.DropColumn(
                name: "GroupRole",
                table: "ProjectAgreementRoleSplits");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Address",
                table: "ProjectAgreementParties");

            migrationBuilder.AddColumn<string>(
                name: "CityRole",
                table: "ProjectAgreementRoleSplits",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GroupRole",
                table: "ProjectAgreementRoleSplits",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.Sql(
                @"UPDATE ""ProjectAgreementRoleSplits"" SET ""GroupRole"" = (SELECT r.""Role"" FROM ""ProjectAgreementPartyRoles"" r WHERE r.""RoleSplitId"" = ""ProjectAgreementRoleSplits"".""Id"" AND r.""PartyNumber"" = COALESCE((SELECT MIN(p.""SortOrder"") FROM ""ProjectAgreementParties"" p INNER JOIN ""Projects"" pr ON pr.""Id"" = p.""ProjectId"" WHERE p.""ProjectId"" = ""ProjectAgreementRoleSplits"".""ProjectId"" AND p.""Kind"" = 'CitizenGroup' AND p.""CitizenGroupId"" = pr.""ProposingGroupId""), (SELECT MIN(p.""SortOrder"") FROM ""ProjectAgreementParties"" p WHERE p.""ProjectId"" = ""ProjectAgreementRoleSplits"".""ProjectId"" AND p.""Kind"" = 'CitizenGroup'), (SELECT MIN(p.""SortOrder"") FROM ""ProjectAgreementParties"" p WHERE p.""ProjectId"" = ""ProjectAgreementRoleSplits"".""ProjectId"" AND p.""Kind"" <> 'Department')));");

            migrationBuilder.Sql(
                @"UPDATE ""ProjectAgreementRoleSplits"" SET ""CityRole"" = (SELECT r.""Role"" FROM ""ProjectAgreementPartyRoles"" r WHERE r.""RoleSplitId"" = ""ProjectAgreementRoleSplits"".""Id"" AND r.""PartyNumber"" = COALESCE((SELECT MIN(p.""SortOrder"") FROM ""ProjectAgreementParties"" p INNER JOIN ""Projects"" pr ON pr.""Id"" = p.""ProjectId"" WHERE p.""ProjectId"" = ""ProjectAgreementRoleSplits"".""ProjectId"" AND p.""Kind"" = 'Department' AND p.""DepartmentId"" = pr.""PartnerDepartmentId""), (SELECT MIN(p.""SortOrder"") FROM ""ProjectAgreementParties"" p WHERE p.""ProjectId"" = ""ProjectAgreementRoleSplits"".""ProjectId"" AND p.""Kind"" = 'Department')));");

            migrationBuilder.DropTable(
                name: "ProjectAgreementPartyRoles");
        }
    }
}
