using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConflictDeclarationChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PreviousHasConflict = table.Column<bool>(type: "INTEGER", nullable: true),
                    HasConflict = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ChangedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PanelId = table.Column<int>(type: "INTEGER", nullable: false)
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
