using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ContinuationDecisionDateAndDeclarationHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "ContinuationDecisions",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConflictDeclarationChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProposalId = table.Column<int>(type: "int", nullable: false),
                    MemberUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    PreviousHasConflict = table.Column<bool>(type: "bit", nullable: true),
                    HasConflict = table.Column<bool>(type: "bit", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ChangedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PanelId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictDeclarationChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarationChanges_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarationChanges_ScreeningPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "ScreeningPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarationChanges_PanelId",
                table: "ConflictDeclarationChanges",
                column: "PanelId");

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarationChanges_ProposalId",
                table: "ConflictDeclarationChanges",
                column: "ProposalId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConflictDeclarationChanges");

            migrationBuilder.DropColumn(
                name: "DecidedOn",
                table: "ContinuationDecisions");
        }
    }
}
