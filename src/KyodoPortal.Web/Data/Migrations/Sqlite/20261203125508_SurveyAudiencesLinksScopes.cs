using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurveyAudiencesLinksScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LinkToken",
                table: "Surveys",
                type: "TEXT",
                unicode: false,
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultsScope",
                table: "Surveys",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            // Results published before scopes existed were read by their audience: keep them to respondents (the narrower choice).
            // Here, before the rebuild of SurveyAudienceMembers below: SQLite rebuilds a table outside the
            // transaction, and EF warns about a statement of ours after one (docs/migrations.md).
            migrationBuilder.Sql("UPDATE \"Surveys\" SET \"ResultsScope\" = 'Respondents' WHERE \"Status\" = 'ResultsPublished'");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "SurveyAudienceMembers",
                type: "TEXT",
                maxLength: 450,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 450);

            migrationBuilder.AddColumn<int>(
                name: "CitizenGroupId",
                table: "SurveyAudienceMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "SurveyAudienceMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_LinkToken",
                table: "Surveys",
                column: "LinkToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAudienceMembers_CitizenGroupId",
                table: "SurveyAudienceMembers",
                column: "CitizenGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAudienceMembers_DepartmentId",
                table: "SurveyAudienceMembers",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAudienceMembers_SurveyId_CitizenGroupId",
                table: "SurveyAudienceMembers",
                columns: new[] { "SurveyId", "CitizenGroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAudienceMembers_SurveyId_DepartmentId",
                table: "SurveyAudienceMembers",
                columns: new[] { "SurveyId", "DepartmentId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_SurveyAudienceMembers_CitizenGroups_CitizenGroupId",
                table: "SurveyAudienceMembers",
                column: "CitizenGroupId",
                principalTable: "CitizenGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SurveyAudienceMembers_Departments_DepartmentId",
                table: "SurveyAudienceMembers",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SurveyAudienceMembers_CitizenGroups_CitizenGroupId",
                table: "SurveyAudienceMembers");

            migrationBuilder.DropForeignKey(
                name: "FK_SurveyAudienceMembers_Departments_DepartmentId",
                table: "SurveyAudienceMembers");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_LinkToken",
                table: "Surveys");

            migrationBuilder.DropIndex(
                name: "IX_SurveyAudienceMembers_CitizenGroupId",
                table: "SurveyAudienceMembers");

            migrationBuilder.DropIndex(
                name: "IX_SurveyAudienceMembers_DepartmentId",
                table: "SurveyAudienceMembers");

            migrationBuilder.DropIndex(
                name: "IX_SurveyAudienceMembers_SurveyId_CitizenGroupId",
                table: "SurveyAudienceMembers");

            migrationBuilder.DropIndex(
                name: "IX_SurveyAudienceMembers_SurveyId_DepartmentId",
                table: "SurveyAudienceMembers");

            migrationBuilder.DropColumn(
                name: "LinkToken",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "ResultsScope",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "CitizenGroupId",
                table: "SurveyAudienceMembers");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "SurveyAudienceMembers");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "SurveyAudienceMembers",
                type: "TEXT",
                maxLength: 450,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 450,
                oldNullable: true);
        }
    }
}
