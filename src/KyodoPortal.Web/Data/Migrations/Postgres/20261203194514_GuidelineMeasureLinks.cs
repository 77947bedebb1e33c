using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GuidelineMeasureLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GuidelineMeasureLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: true),
                    CallId = table.Column<int>(type: "integer", nullable: true),
                    ProjectId = table.Column<int>(type: "integer", nullable: true),
                    MeasureId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineMeasureLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureLinks_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureLinks_GuidelineMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "GuidelineMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureLinks_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureLinks_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureLinks_CallId",
                table: "GuidelineMeasureLinks",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureLinks_MeasureId_CallId",
                table: "GuidelineMeasureLinks",
                columns: new[] { "MeasureId", "CallId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureLinks_MeasureId_ProjectId",
                table: "GuidelineMeasureLinks",
                columns: new[] { "MeasureId", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureLinks_MeasureId_ThemeId",
                table: "GuidelineMeasureLinks",
                columns: new[] { "MeasureId", "ThemeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureLinks_ProjectId",
                table: "GuidelineMeasureLinks",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureLinks_ThemeId",
                table: "GuidelineMeasureLinks",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuidelineMeasureLinks");
        }
    }
}
