using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SurveyAudiencesLinksScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyAudienceMembers_SurveyId_UserId",
                table: "SurveyAudienceMembers");

            migrationBuilder.AddColumn<string>(
                name: "LinkToken",
                table: "Surveys",
                type: "varchar(40)",
                unicode: false,
                maxLength: 40,
                nullable: true,
                collation: "Japanese_XJIS_140_CI_AS");

            migrationBuilder.AddColumn<string>(
                name: "ResultsScope",
                table: "Surveys",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "SurveyAudienceMembers",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true,
                collation: "Japanese_XJIS_140_CI_AS",
                oldClrType: typeof(string),
                oldType: "nvarchar(450)",
                oldMaxLength: 450,
                oldCollation: "Japanese_XJIS_140_CI_AS");

            migrationBuilder.AddColumn<int>(
                name: "CitizenGroupId",
                table: "SurveyAudienceMembers",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "SurveyAudienceMembers",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_LinkToken",
                table: "Surveys",
                column: "LinkToken",
                unique: true,
                filter: "[LinkToken] IS NOT NULL");

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
                unique: true,
                filter: "[CitizenGroupId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAudienceMembers_SurveyId_DepartmentId",
                table: "SurveyAudienceMembers",
                columns: new[] { "SurveyId", "DepartmentId" },
                unique: true,
                filter: "[DepartmentId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAudienceMembers_SurveyId_UserId",
                table: "SurveyAudienceMembers",
                columns: new[] { "SurveyId", "UserId" },
                unique: true,
                filter: "[UserId] IS NOT NULL");

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

            // Results published before scopes existed were read by their audience: keep them to respondents (the narrower choice).
            migrationBuilder.Sql("UPDATE \"Surveys\" SET \"ResultsScope\" = 'Respondents' WHERE \"Status\" = 'ResultsPublished'");
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

            migrationBuilder.DropIndex(
                name: "IX_SurveyAudienceMembers_SurveyId_UserId",
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
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "",
                collation: "Japanese_XJIS_140_CI_AS",
                oldClrType: typeof(string),
                oldType: "nvarchar(450)",
                oldMaxLength: 450,
                oldNullable: true,
                oldCollation: "Japanese_XJIS_140_CI_AS");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAudienceMembers_SurveyId_UserId",
                table: "SurveyAudienceMembers",
                columns: new[] { "SurveyId", "UserId" },
                unique: true);
        }
    }
}
