using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProjectListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Projects_StartFiscalYear_EndFiscalYear_Id",
                table: "Projects",
                columns: new[] { "StartFiscalYear", "EndFiscalYear", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Title_Id",
                table: "Projects",
                columns: new[] { "Title", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_StartFiscalYear_EndFiscalYear_Id",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_Title_Id",
                table: "Projects");
        }
    }
}
