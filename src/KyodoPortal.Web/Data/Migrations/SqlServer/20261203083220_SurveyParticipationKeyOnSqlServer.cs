using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SurveyParticipationKeyOnSqlServer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQL Server alters no column of a primary key: the key is dropped and made again around it.
            migrationBuilder.DropPrimaryKey(
                name: "PK_SurveyParticipations",
                table: "SurveyParticipations");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "SurveyParticipations",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                collation: "Japanese_XJIS_140_CI_AS",
                oldClrType: typeof(string),
                oldType: "nvarchar(450)",
                oldMaxLength: 450,
                oldCollation: "Japanese_XJIS_140_CI_AS");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SurveyParticipations",
                table: "SurveyParticipations",
                columns: new[] { "SurveyId", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQL Server alters no column of a primary key: the key is dropped and made again around it.
            migrationBuilder.DropPrimaryKey(
                name: "PK_SurveyParticipations",
                table: "SurveyParticipations");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "SurveyParticipations",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: false,
                collation: "Japanese_XJIS_140_CI_AS",
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128,
                oldCollation: "Japanese_XJIS_140_CI_AS");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SurveyParticipations",
                table: "SurveyParticipations",
                columns: new[] { "SurveyId", "UserId" });
        }
    }
}
