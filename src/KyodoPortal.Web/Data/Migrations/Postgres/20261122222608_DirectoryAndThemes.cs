using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace KyodoPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DirectoryAndThemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "CitizenGroups",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FoundedYear",
                table: "CitizenGroups",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsPublished",
                table: "CitizenGroups",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MemberCount",
                table: "CitizenGroups",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicEmail",
                table: "CitizenGroups",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicPhone",
                table: "CitizenGroups",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Skills",
                table: "CitizenGroups",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "CitizenGroups",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityFields", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Goal = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CitizenGroupFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityFieldId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenGroupFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CitizenGroupFields_ActivityFields_ActivityFieldId",
                        column: x => x.ActivityFieldId,
                        principalTable: "ActivityFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CitizenGroupFields_CitizenGroups_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "CitizenGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThemeFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityFieldId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThemeFields_ActivityFields_ActivityFieldId",
                        column: x => x.ActivityFieldId,
                        principalTable: "ActivityFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ThemeFields_Themes_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ActivityFields",
                columns: new[] { "Id", "Name", "SortOrder" },
                values: new object[,]
                {
                    { 1, "子育て", 10 },
                    { 2, "教育", 20 },
                    { 3, "高齢者福祉", 30 },
                    { 4, "障害者福祉", 40 },
                    { 5, "就労支援", 50 },
                    { 6, "健康・医療", 60 },
                    { 7, "環境", 70 },
                    { 8, "まちづくり", 80 },
                    { 9, "防災・防犯", 90 },
                    { 10, "国際交流", 100 },
                    { 11, "文化・芸術", 110 },
                    { 12, "スポーツ", 120 },
                    { 13, "観光・地域振興", 130 },
                    { 14, "人権・男女共同参画", 140 },
                    { 15, "その他", 150 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityFields_Name",
                table: "ActivityFields",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CitizenGroupFields_ActivityFieldId",
                table: "CitizenGroupFields",
                column: "ActivityFieldId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenGroupFields_OwnerId_ActivityFieldId",
                table: "CitizenGroupFields",
                columns: new[] { "OwnerId", "ActivityFieldId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThemeFields_ActivityFieldId",
                table: "ThemeFields",
                column: "ActivityFieldId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeFields_OwnerId_ActivityFieldId",
                table: "ThemeFields",
                columns: new[] { "OwnerId", "ActivityFieldId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Themes_DepartmentId",
                table: "Themes",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_IsPublished_FiscalYear",
                table: "Themes",
                columns: new[] { "IsPublished", "FiscalYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CitizenGroupFields");

            migrationBuilder.DropTable(
                name: "ThemeFields");

            migrationBuilder.DropTable(
                name: "ActivityFields");

            migrationBuilder.DropTable(
                name: "Themes");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "CitizenGroups");

            migrationBuilder.DropColumn(
                name: "FoundedYear",
                table: "CitizenGroups");

            migrationBuilder.DropColumn(
                name: "IsPublished",
                table: "CitizenGroups");

            migrationBuilder.DropColumn(
                name: "MemberCount",
                table: "CitizenGroups");

            migrationBuilder.DropColumn(
                name: "PublicEmail",
                table: "CitizenGroups");

            migrationBuilder.DropColumn(
                name: "PublicPhone",
                table: "CitizenGroups");

            migrationBuilder.DropColumn(
                name: "Skills",
                table: "CitizenGroups");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "CitizenGroups");
        }
    }
}
