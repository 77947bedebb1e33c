using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    EndsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReportedFiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeldRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Minutes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectionOfMinutesId = table.Column<int>(type: "INTEGER", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAnswerNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSuggestionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Minutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Minutes_Minutes_CorrectionOfMinutesId",
                        column: x => x.CorrectionOfMinutesId,
                        principalTable: "Minutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Minutes_ReportMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "ReportMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportMeetingAgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectTitle = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ProjectKindLabel = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PartiesText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMeetingAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportMeetingAgendaItems_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportMeetingAgendaItems_ReportMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "ReportMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportMeetingAttendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMeetingAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportMeetingAttendees_ReportMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "ReportMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinutesCorrectionSuggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginalText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SuggestedText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MinutesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesCorrectionSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesCorrectionSuggestions_Minutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "Minutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinutesRows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AskerKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AskerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AskerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FollowUpWhat = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FollowUpWho = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FollowUpDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpDoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpDoneByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    MinutesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesRows_Minutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "Minutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinutesStatusChanges",
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
                    MinutesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesStatusChanges_Minutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "Minutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinutesAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SpeakerRole = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    RowId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesAnswers_MinutesRows_RowId",
                        column: x => x.RowId,
                        principalTable: "MinutesRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Minutes_CorrectionOfMinutesId",
                table: "Minutes",
                column: "CorrectionOfMinutesId");

            migrationBuilder.CreateIndex(
                name: "IX_Minutes_MeetingId_VersionNumber",
                table: "Minutes",
                columns: new[] { "MeetingId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MinutesAnswers_RowId",
                table: "MinutesAnswers",
                column: "RowId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesCorrectionSuggestions_MinutesId",
                table: "MinutesCorrectionSuggestions",
                column: "MinutesId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesRows_MinutesId_Number",
                table: "MinutesRows",
                columns: new[] { "MinutesId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MinutesStatusChanges_MinutesId",
                table: "MinutesStatusChanges",
                column: "MinutesId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportMeetingAgendaItems_MeetingId_ProjectId",
                table: "ReportMeetingAgendaItems",
                columns: new[] { "MeetingId", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportMeetingAgendaItems_ProjectId",
                table: "ReportMeetingAgendaItems",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportMeetingAttendees_MeetingId_UserId",
                table: "ReportMeetingAttendees",
                columns: new[] { "MeetingId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportMeetings_HeldOn",
                table: "ReportMeetings",
                column: "HeldOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MinutesAnswers");

            migrationBuilder.DropTable(
                name: "MinutesCorrectionSuggestions");

            migrationBuilder.DropTable(
                name: "MinutesStatusChanges");

            migrationBuilder.DropTable(
                name: "ReportMeetingAgendaItems");

            migrationBuilder.DropTable(
                name: "ReportMeetingAttendees");

            migrationBuilder.DropTable(
                name: "MinutesRows");

            migrationBuilder.DropTable(
                name: "Minutes");

            migrationBuilder.DropTable(
                name: "ReportMeetings");
        }
    }
}
