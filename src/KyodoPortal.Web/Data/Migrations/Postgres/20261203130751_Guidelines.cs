using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Guidelines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Guidelines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Guidelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuidelineId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Heading = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineAreas_Guidelines_GuidelineId",
                        column: x => x.GuidelineId,
                        principalTable: "Guidelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineClassifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuidelineId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IsPriority = table.Column<bool>(type: "boolean", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineClassifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineClassifications_Guidelines_GuidelineId",
                        column: x => x.GuidelineId,
                        principalTable: "Guidelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidelinePeriods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuidelineId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstFiscalYear = table.Column<int>(type: "integer", nullable: false),
                    LastFiscalYear = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelinePeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelinePeriods_Guidelines_GuidelineId",
                        column: x => x.GuidelineId,
                        principalTable: "Guidelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineSubAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Letter = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineSubAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineSubAreas_GuidelineAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "GuidelineAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineProgressDeadlines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineProgressDeadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineProgressDeadlines_GuidelinePeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "GuidelinePeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    SubAreaId = table.Column<int>(type: "integer", nullable: true),
                    ClassificationId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsPriority = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasures_GuidelineAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "GuidelineAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasures_GuidelineClassifications_ClassificationId",
                        column: x => x.ClassificationId,
                        principalTable: "GuidelineClassifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasures_GuidelinePeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "GuidelinePeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasures_GuidelineSubAreas_SubAreaId",
                        column: x => x.SubAreaId,
                        principalTable: "GuidelineSubAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineMeasureDepartments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineMeasureDepartments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureDepartments_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureDepartments_GuidelineMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "GuidelineMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineMeasureProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeasureId = table.Column<int>(type: "integer", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Done = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Figures = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FigureValue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Effectiveness = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    EffectivenessReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Review = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineMeasureProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureProgress_GuidelineMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "GuidelineMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineProgressReviewChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProgressId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineProgressReviewChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineProgressReviewChanges_GuidelineMeasureProgress_Pro~",
                        column: x => x.ProgressId,
                        principalTable: "GuidelineMeasureProgress",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineAreas_GuidelineId_Number",
                table: "GuidelineAreas",
                columns: new[] { "GuidelineId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineClassifications_GuidelineId_Key",
                table: "GuidelineClassifications",
                columns: new[] { "GuidelineId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureDepartments_DepartmentId",
                table: "GuidelineMeasureDepartments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureDepartments_MeasureId_DepartmentId",
                table: "GuidelineMeasureDepartments",
                columns: new[] { "MeasureId", "DepartmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureProgress_MeasureId_FiscalYear",
                table: "GuidelineMeasureProgress",
                columns: new[] { "MeasureId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasures_AreaId",
                table: "GuidelineMeasures",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasures_ClassificationId",
                table: "GuidelineMeasures",
                column: "ClassificationId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasures_PeriodId_AreaId",
                table: "GuidelineMeasures",
                columns: new[] { "PeriodId", "AreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasures_SubAreaId",
                table: "GuidelineMeasures",
                column: "SubAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelinePeriods_GuidelineId_Number",
                table: "GuidelinePeriods",
                columns: new[] { "GuidelineId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineProgressDeadlines_PeriodId_FiscalYear",
                table: "GuidelineProgressDeadlines",
                columns: new[] { "PeriodId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineProgressReviewChanges_ProgressId",
                table: "GuidelineProgressReviewChanges",
                column: "ProgressId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineSubAreas_AreaId_Letter",
                table: "GuidelineSubAreas",
                columns: new[] { "AreaId", "Letter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuidelineMeasureDepartments");

            migrationBuilder.DropTable(
                name: "GuidelineProgressDeadlines");

            migrationBuilder.DropTable(
                name: "GuidelineProgressReviewChanges");

            migrationBuilder.DropTable(
                name: "GuidelineMeasureProgress");

            migrationBuilder.DropTable(
                name: "GuidelineMeasures");

            migrationBuilder.DropTable(
                name: "GuidelineClassifications");

            migrationBuilder.DropTable(
                name: "GuidelinePeriods");

            migrationBuilder.DropTable(
                name: "GuidelineSubAreas");

            migrationBuilder.DropTable(
                name: "GuidelineAreas");

            migrationBuilder.DropTable(
                name: "Guidelines");
        }
    }
}
