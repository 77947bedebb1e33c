using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GuidelineReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "GuidelinePeriods",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PreviousMeasureId",
                table: "GuidelineMeasures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GuidelineMeasureReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: true),
                    Implementation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Effectiveness = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Necessity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Results = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Proposal = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ProposalReasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NextDescription = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextAreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    NextSubAreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    NextClassificationId = table.Column<int>(type: "INTEGER", nullable: true),
                    NextIsPriority = table.Column<bool>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    NextMeasureId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineMeasureReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureReviews_GuidelineAreas_NextAreaId",
                        column: x => x.NextAreaId,
                        principalTable: "GuidelineAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureReviews_GuidelineClassifications_NextClassificationId",
                        column: x => x.NextClassificationId,
                        principalTable: "GuidelineClassifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureReviews_GuidelineMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "GuidelineMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureReviews_GuidelineMeasures_NextMeasureId",
                        column: x => x.NextMeasureId,
                        principalTable: "GuidelineMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureReviews_GuidelinePeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "GuidelinePeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineMeasureReviews_GuidelineSubAreas_NextSubAreaId",
                        column: x => x.NextSubAreaId,
                        principalTable: "GuidelineSubAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineReviewOpinions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineReviewOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineReviewOpinions_GuidelineMeasureReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "GuidelineMeasureReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasures_PreviousMeasureId",
                table: "GuidelineMeasures",
                column: "PreviousMeasureId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureReviews_MeasureId",
                table: "GuidelineMeasureReviews",
                column: "MeasureId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureReviews_NextAreaId",
                table: "GuidelineMeasureReviews",
                column: "NextAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureReviews_NextClassificationId",
                table: "GuidelineMeasureReviews",
                column: "NextClassificationId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureReviews_NextMeasureId",
                table: "GuidelineMeasureReviews",
                column: "NextMeasureId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureReviews_NextSubAreaId",
                table: "GuidelineMeasureReviews",
                column: "NextSubAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineMeasureReviews_PeriodId",
                table: "GuidelineMeasureReviews",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineReviewOpinions_ReviewId",
                table: "GuidelineReviewOpinions",
                column: "ReviewId");

            migrationBuilder.AddForeignKey(
                name: "FK_GuidelineMeasures_GuidelineMeasures_PreviousMeasureId",
                table: "GuidelineMeasures",
                column: "PreviousMeasureId",
                principalTable: "GuidelineMeasures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_GuidelineMeasures_GuidelineMeasures_PreviousMeasureId",
                table: "GuidelineMeasures");

            migrationBuilder.DropTable(
                name: "GuidelineReviewOpinions");

            migrationBuilder.DropTable(
                name: "GuidelineMeasureReviews");

            migrationBuilder.DropIndex(
                name: "IX_GuidelineMeasures_PreviousMeasureId",
                table: "GuidelineMeasures");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "GuidelinePeriods");

            migrationBuilder.DropColumn(
                name: "PreviousMeasureId",
                table: "GuidelineMeasures");
        }
    }
}
