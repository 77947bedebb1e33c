using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Execution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActivityRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: true),
                    FeeCharged = table.Column<long>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityRecords_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectionOfReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Outcomes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NextYearPlan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PublicRelations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DepartmentComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DepartmentRating = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DepartmentCommentByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DepartmentCommentedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReports_AnnualReports_CorrectionOfReportId",
                        column: x => x.CorrectionOfReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChangeRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    BasePlanNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DepartmentApprovedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DepartmentApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CoordinatorApprovedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CoordinatorApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RejectedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RejectionComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WithdrawnByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedContent = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeRequests_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectAgreements",
                columns: table => new
                {
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartFiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndFiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    CityShareTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    CostShareNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DraftedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectAgreements", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_ProjectAgreements_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReportStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnnualReportId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReportStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReportStatusChanges_AnnualReports_AnnualReportId",
                        column: x => x.AnnualReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetActuals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActualAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnualReportId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetActuals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetActuals_AnnualReports_AnnualReportId",
                        column: x => x.AnnualReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KpiActuals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KpiName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActualValue = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    ActualText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnualReportId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiActuals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiActuals_AnnualReports_AnnualReportId",
                        column: x => x.AnnualReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeRequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectPlans_ChangeRequests_ChangeRequestId",
                        column: x => x.ChangeRequestId,
                        principalTable: "ChangeRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectPlans_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectAgreementParties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CitizenGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Representative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectAgreementParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectAgreementParties_CitizenGroups_CitizenGroupId",
                        column: x => x.CitizenGroupId,
                        principalTable: "CitizenGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectAgreementParties_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectAgreementParties_ProjectAgreements_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ProjectAgreements",
                        principalColumn: "ProjectId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectAgreementRoleSplits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Task = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GroupRole = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CityRole = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectAgreementRoleSplits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectAgreementRoleSplits_ProjectAgreements_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ProjectAgreements",
                        principalColumn: "ProjectId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityRecords_ProjectId_FiscalYear_HeldOn",
                table: "ActivityRecords",
                columns: new[] { "ProjectId", "FiscalYear", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_CorrectionOfReportId",
                table: "AnnualReports",
                column: "CorrectionOfReportId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_ProjectId_FiscalYear_Revision",
                table: "AnnualReports",
                columns: new[] { "ProjectId", "FiscalYear", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReportStatusChanges_AnnualReportId",
                table: "AnnualReportStatusChanges",
                column: "AnnualReportId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetActuals_AnnualReportId",
                table: "BudgetActuals",
                column: "AnnualReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_ProjectId",
                table: "ChangeRequests",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiActuals_AnnualReportId",
                table: "KpiActuals",
                column: "AnnualReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectAgreementParties_CitizenGroupId",
                table: "ProjectAgreementParties",
                column: "CitizenGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectAgreementParties_DepartmentId",
                table: "ProjectAgreementParties",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectAgreementParties_ProjectId",
                table: "ProjectAgreementParties",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectAgreementRoleSplits_ProjectId",
                table: "ProjectAgreementRoleSplits",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPlans_ChangeRequestId",
                table: "ProjectPlans",
                column: "ChangeRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPlans_ProjectId_Number",
                table: "ProjectPlans",
                columns: new[] { "ProjectId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityRecords");

            migrationBuilder.DropTable(
                name: "AnnualReportStatusChanges");

            migrationBuilder.DropTable(
                name: "BudgetActuals");

            migrationBuilder.DropTable(
                name: "KpiActuals");

            migrationBuilder.DropTable(
                name: "ProjectAgreementParties");

            migrationBuilder.DropTable(
                name: "ProjectAgreementRoleSplits");

            migrationBuilder.DropTable(
                name: "ProjectPlans");

            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "ProjectAgreements");

            migrationBuilder.DropTable(
                name: "ChangeRequests");
        }
    }
}
