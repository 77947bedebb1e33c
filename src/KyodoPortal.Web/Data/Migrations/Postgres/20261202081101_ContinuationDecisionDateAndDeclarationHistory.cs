using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    MemberUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PreviousHasConflict = table.Column<bool>(type: "boolean", nullable: true),
                    HasConflict = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ChangedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PanelId = table.Column<int>(type: "integer", nullable: false)
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
