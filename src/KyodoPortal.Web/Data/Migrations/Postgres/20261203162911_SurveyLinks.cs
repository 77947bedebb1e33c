using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SurveyLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "GuidelineMeasureId",
                table: "Surveys",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProjectId",
                table: "Surveys",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_GuidelineMeasureId",
                table: "Surveys",
                column: "GuidelineMeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_ProjectId",
                table: "Surveys",
                column: "ProjectId");

            migrationBuilder.AddForeignKey(
                name: "FK_Surveys_GuidelineMeasures_GuidelineMeasureId",
                table: "Surveys",
                column: "GuidelineMeasureId",
                principalTable: "GuidelineMeasures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Surveys_Projects_ProjectId",
                table: "Surveys",
                column: "ProjectId",
                principalTable: "Projects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Surveys_GuidelineMeasures_GuidelineMeasureId",
                table: "Surveys");

            migrationBuilder.DropForeignKey(
                name: "FK_Surveys_Projects_ProjectId",
                table: "Surveys");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_GuidelineMeasureId",
                table: "Surveys");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_ProjectId",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "GuidelineMeasureId",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "Surveys");
        }
    }
}
