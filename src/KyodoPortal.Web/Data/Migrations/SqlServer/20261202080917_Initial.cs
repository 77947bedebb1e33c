using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace KyodoPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActivityFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityFields", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    NormalizedName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ProposalType = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    OpensAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClosesAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    MaxCityShareTotal = table.Column<long>(type: "bigint", nullable: false),
                    MaxCitySharePerYear = table.Column<long>(type: "bigint", nullable: false),
                    MaxTermYears = table.Column<int>(type: "int", nullable: false),
                    Guidance = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    IsPublished = table.Column<bool>(type: "bit", nullable: false),
                    ScreeningStartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CitizenGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    NameKana = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    LegalForm = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Representative = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Area = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    FoundedYear = table.Column<int>(type: "int", nullable: true),
                    MemberCount = table.Column<int>(type: "int", nullable: true),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Skills = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Website = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    PublicEmail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    PublicPhone = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    IsPublished = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Division = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ContactEmail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ContactPhone = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time", nullable: true),
                    EndsAt = table.Column<TimeOnly>(type: "time", nullable: true),
                    Venue = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ReportedFiscalYear = table.Column<int>(type: "int", nullable: false),
                    IsPublic = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    HeldRecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoleId = table.Column<string>(type: "nvarchar(128)", nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Weight = table.Column<int>(type: "int", nullable: false),
                    MaxPoints = table.Column<int>(type: "int", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    CallId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningCriteria_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningPanels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CallId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OtherSheetsVisibility = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    MinimumSheets = table.Column<int>(type: "int", nullable: false),
                    PassingScoreTenths = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RankingPublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastReminderAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningPanels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningPanels_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CitizenGroupFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActivityFieldId = table.Column<int>(type: "int", nullable: false),
                    OwnerId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenGroupFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CitizenGroupFields_ActivityFields_ActivityFieldId",
                        column: x => x.ActivityFieldId,
                        principalTable: "ActivityFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CitizenGroupFields_CitizenGroups_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "CitizenGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    DisplayName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: true),
                    CitizenGroupId = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    NormalizedUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    EmailConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SecurityStamp = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    PhoneNumber = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    PhoneNumberConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "bit", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "bit", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_CitizenGroups_CitizenGroupId",
                        column: x => x.CitizenGroupId,
                        principalTable: "CitizenGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CallId = table.Column<int>(type: "int", nullable: false),
                    ProposingGroupId = table.Column<int>(type: "int", nullable: true),
                    PartnerDepartmentId = table.Column<int>(type: "int", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Background = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Purpose = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Beneficiaries = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    StartFiscalYear = table.Column<int>(type: "int", nullable: false),
                    TermYears = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_CitizenGroups_ProposingGroupId",
                        column: x => x.ProposingGroupId,
                        principalTable: "CitizenGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Departments_PartnerDepartmentId",
                        column: x => x.PartnerDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Goal = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IsPublished = table.Column<bool>(type: "bit", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Minutes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    CorrectionOfMinutesId = table.Column<int>(type: "int", nullable: true),
                    CorrectionReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastRowNumber = table.Column<int>(type: "int", nullable: false),
                    LastAnswerNumber = table.Column<int>(type: "int", nullable: false),
                    LastSuggestionNumber = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                name: "ReportMeetingAttendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Order = table.Column<int>(type: "int", nullable: false),
                    MeetingId = table.Column<int>(type: "int", nullable: false)
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
                name: "ScreeningPanelMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MemberUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    AssignedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PanelId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningPanelMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningPanelMembers_ScreeningPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "ScreeningPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(128)", nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ProviderKey = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ProviderDisplayName = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    UserId = table.Column<string>(type: "nvarchar(128)", nullable: false, collation: "Japanese_XJIS_140_CI_AS")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(128)", nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    RoleId = table.Column<string>(type: "nvarchar(128)", nullable: false, collation: "Japanese_XJIS_140_CI_AS")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(128)", nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    LoginProvider = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Name = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Value = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Japanese_XJIS_140_CI_AS")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConflictDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProposalId = table.Column<int>(type: "int", nullable: false),
                    MemberUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    HasConflict = table.Column<bool>(type: "bit", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    DeclaredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DeclaredByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    PanelId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_ScreeningPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "ScreeningPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProposalId = table.Column<int>(type: "int", nullable: false),
                    CallId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ProposingGroupId = table.Column<int>(type: "int", nullable: true),
                    PartnerDepartmentId = table.Column<int>(type: "int", nullable: true),
                    StartFiscalYear = table.Column<int>(type: "int", nullable: false),
                    EndFiscalYear = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    IsMarkedAsCase = table.Column<bool>(type: "bit", nullable: false),
                    IsCasePublished = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_CitizenGroups_ProposingGroupId",
                        column: x => x.ProposingGroupId,
                        principalTable: "CitizenGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Departments_PartnerDepartmentId",
                        column: x => x.PartnerDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    TimesPerYear = table.Column<int>(type: "int", nullable: false),
                    CapacityPerTime = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ProposalId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalActivities_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    UploadedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ProposalId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalAttachments_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalBudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Direction = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Item = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    UnitPrice = table.Column<long>(type: "bigint", nullable: true),
                    Quantity = table.Column<long>(type: "bigint", nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ProposalId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalBudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalBudgetLines_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalKpis",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    MeasurementMethod = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ProposalId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalKpis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalKpis_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalRoleSplits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Task = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    GroupRole = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    CityRole = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ProposalId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalRoleSplits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalRoleSplits_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalScheduleItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ProposalId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalScheduleItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalScheduleItems_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    From = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ProposalId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalStatusChanges_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PanelId = table.Column<int>(type: "int", nullable: false),
                    ProposalId = table.Column<int>(type: "int", nullable: false),
                    MemberUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OverallComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreSheets_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreSheets_ScreeningPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "ScreeningPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProposalId = table.Column<int>(type: "int", nullable: false),
                    Selected = table.Column<bool>(type: "bit", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    RankAtDecision = table.Column<int>(type: "int", nullable: true),
                    ScoreTenthsAtDecision = table.Column<long>(type: "bigint", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PanelId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningDecisions_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScreeningDecisions_ScreeningPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "ScreeningPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallThemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ThemeId = table.Column<int>(type: "int", nullable: false),
                    CallId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallThemes_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ThemeFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActivityFieldId = table.Column<int>(type: "int", nullable: false),
                    OwnerId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThemeFields_ActivityFields_ActivityFieldId",
                        column: x => x.ActivityFieldId,
                        principalTable: "ActivityFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ThemeFields_Themes_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinutesCorrectionSuggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    AnswerNumber = table.Column<int>(type: "int", nullable: false),
                    OriginalText = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    SuggestedText = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Party = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionComment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    MinutesId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    AgendaProjectId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Question = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    AskerKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AskerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    AskerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    FollowUpWhat = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    FollowUpWho = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    FollowUpDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpDoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpDoneByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    MinutesId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    From = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    MinutesId = table.Column<int>(type: "int", nullable: false)
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
                name: "ActivityRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Venue = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Capacity = table.Column<int>(type: "int", nullable: true),
                    Attendance = table.Column<int>(type: "int", nullable: true),
                    FeeCharged = table.Column<long>(type: "bigint", nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    CorrectionOfReportId = table.Column<int>(type: "int", nullable: true),
                    CorrectionReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Outcomes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Problems = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    NextYearPlan = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    PublicRelations = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    DepartmentComment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    DepartmentRating = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DepartmentCommentByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    DepartmentCommentedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AcceptedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    BasePlanNumber = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    RequestedBy = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DepartmentApprovedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    DepartmentApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CoordinatorApprovedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    CoordinatorApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RejectedBy = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    RejectedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    RejectionComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    WithdrawnByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    ProposedContent = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
                name: "ContinuationDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PreviousEndFiscalYear = table.Column<int>(type: "int", nullable: false),
                    NewEndFiscalYear = table.Column<int>(type: "int", nullable: false),
                    Reasons = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ExceptionReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    DecidedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ProjectId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuationDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContinuationDecisions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OpenedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ScoringStartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Strengths = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Issues = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Recommendation = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    RequiredChanges = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ConsolidatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ConsolidatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    FeedbackPublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FeedbackIsPublic = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationRounds_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectAgreements",
                columns: table => new
                {
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    StartFiscalYear = table.Column<int>(type: "int", nullable: false),
                    EndFiscalYear = table.Column<int>(type: "int", nullable: false),
                    CityShareTotal = table.Column<long>(type: "bigint", nullable: false),
                    CostShareNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Purpose = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    DraftedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SignedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                name: "ProjectClosures",
                columns: table => new
                {
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Lessons = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EarlyEndReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ClosedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectClosures", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_ProjectClosures_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportMeetingAgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    ProjectTitle = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ProjectKindLabel = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    PartiesText = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    MeetingId = table.Column<int>(type: "int", nullable: false)
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
                name: "ProposalKpiTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    TargetValue = table.Column<long>(type: "bigint", nullable: true),
                    TargetText = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    KpiId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalKpiTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalKpiTargets_ProposalKpis_KpiId",
                        column: x => x.KpiId,
                        principalTable: "ProposalKpis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CriterionId = table.Column<int>(type: "int", nullable: false),
                    Points = table.Column<int>(type: "int", nullable: true),
                    NotApplicable = table.Column<bool>(type: "bit", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ScoreSheetId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreEntries_ScoreSheets_ScoreSheetId",
                        column: x => x.ScoreSheetId,
                        principalTable: "ScoreSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinutesAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Party = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PartyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    SpeakerRole = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Order = table.Column<int>(type: "int", nullable: false),
                    RowId = table.Column<int>(type: "int", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "AnnualReportAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    UploadedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AnnualReportId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReportAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReportAttachments_AnnualReports_AnnualReportId",
                        column: x => x.AnnualReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReportStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    From = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    AnnualReportId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Category = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Item = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    ActualAmount = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    AnnualReportId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    KpiName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    ActualValue = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: true),
                    ActualText = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Evidence = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    AnnualReportId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    ChangeRequestId = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
                name: "EvaluationConflictDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    MemberUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    HasConflict = table.Column<bool>(type: "bit", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    DeclaredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DeclaredByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    RoundId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationConflictDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationConflictDeclarations_EvaluationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationConflictDeclarations_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Category = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Weight = table.Column<int>(type: "int", nullable: false),
                    MaxPoints = table.Column<int>(type: "int", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    RoundId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationCriteria_EvaluationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationRoundMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MemberUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    AssignedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RoundId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRoundMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationRoundMembers_EvaluationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    MemberUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OverallComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationSheets_EvaluationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    Side = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OverallComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    UpdatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfEvaluations_EvaluationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectAgreementParties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CitizenGroupId = table.Column<int>(type: "int", nullable: true),
                    DepartmentId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    Representative = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    Role = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ProjectId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Task = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Japanese_XJIS_140_CI_AS"),
                    GroupRole = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    CityRole = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ProjectId = table.Column<int>(type: "int", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "EvaluationScoreEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CriterionId = table.Column<int>(type: "int", nullable: false),
                    Points = table.Column<int>(type: "int", nullable: true),
                    NotApplicable = table.Column<bool>(type: "bit", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SheetId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationScoreEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationScoreEntries_EvaluationSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "EvaluationSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfEvaluationEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CriterionId = table.Column<int>(type: "int", nullable: false),
                    Points = table.Column<int>(type: "int", nullable: true),
                    NotApplicable = table.Column<bool>(type: "bit", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Japanese_XJIS_140_CI_AS"),
                    SelfEvaluationId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfEvaluationEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfEvaluationEntries_SelfEvaluations_SelfEvaluationId",
                        column: x => x.SelfEvaluationId,
                        principalTable: "SelfEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ActivityFields",
                columns: new[] { "Id", "Name", "SortOrder" },
                values: new object[,]
                {
                    { 1, "子育て", 10 },
                    { 2, "教育", 20 },
                    { 3, "高齢者福祉", 30 },
                    { 4, "障害者福祉", 40 },
                    { 5, "就労支援", 50 },
                    { 6, "健康・医療", 60 },
                    { 7, "環境", 70 },
                    { 8, "まちづくり", 80 },
                    { 9, "防災・防犯", 90 },
                    { 10, "国際交流", 100 },
                    { 11, "文化・芸術", 110 },
                    { 12, "スポーツ", 120 },
                    { 13, "観光・地域振興", 130 },
                    { 14, "人権・男女共同参画", 140 },
                    { 15, "その他", 150 }
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "role-administrator", "seed-administrator", "Administrator", "ADMINISTRATOR" },
                    { "role-committeemember", "seed-committeemember", "CommitteeMember", "COMMITTEEMEMBER" },
                    { "role-coordinator", "seed-coordinator", "Coordinator", "COORDINATOR" },
                    { "role-departmentstaff", "seed-departmentstaff", "DepartmentStaff", "DEPARTMENTSTAFF" },
                    { "role-groupmember", "seed-groupmember", "GroupMember", "GROUPMEMBER" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityFields_Name",
                table: "ActivityFields",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityRecords_ProjectId_FiscalYear_HeldOn",
                table: "ActivityRecords",
                columns: new[] { "ProjectId", "FiscalYear", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReportAttachments_AnnualReportId",
                table: "AnnualReportAttachments",
                column: "AnnualReportId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReportAttachments_StorageKey",
                table: "AnnualReportAttachments",
                column: "StorageKey");

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
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true,
                filter: "[NormalizedName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CitizenGroupId",
                table: "AspNetUsers",
                column: "CitizenGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DepartmentId",
                table: "AspNetUsers",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true,
                filter: "[NormalizedUserName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetActuals_AnnualReportId",
                table: "BudgetActuals",
                column: "AnnualReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_IsPublished_FiscalYear",
                table: "Calls",
                columns: new[] { "IsPublished", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_CallThemes_CallId_ThemeId",
                table: "CallThemes",
                columns: new[] { "CallId", "ThemeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallThemes_ThemeId",
                table: "CallThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_ProjectId",
                table: "ChangeRequests",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenGroupFields_ActivityFieldId",
                table: "CitizenGroupFields",
                column: "ActivityFieldId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenGroupFields_OwnerId_ActivityFieldId",
                table: "CitizenGroupFields",
                columns: new[] { "OwnerId", "ActivityFieldId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CitizenGroups_Name",
                table: "CitizenGroups",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_PanelId_MemberUserId_ProposalId",
                table: "ConflictDeclarations",
                columns: new[] { "PanelId", "MemberUserId", "ProposalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_ProposalId",
                table: "ConflictDeclarations",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuationDecisions_ProjectId_Number",
                table: "ContinuationDecisions",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Name",
                table: "Departments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationConflictDeclarations_ProjectId",
                table: "EvaluationConflictDeclarations",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationConflictDeclarations_RoundId_MemberUserId_ProjectId",
                table: "EvaluationConflictDeclarations",
                columns: new[] { "RoundId", "MemberUserId", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCriteria_RoundId",
                table: "EvaluationCriteria",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRoundMembers_RoundId_MemberUserId",
                table: "EvaluationRoundMembers",
                columns: new[] { "RoundId", "MemberUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRounds_ProjectId_FiscalYear",
                table: "EvaluationRounds",
                columns: new[] { "ProjectId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationScoreEntries_SheetId_CriterionId",
                table: "EvaluationScoreEntries",
                columns: new[] { "SheetId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationSheets_RoundId_MemberUserId",
                table: "EvaluationSheets",
                columns: new[] { "RoundId", "MemberUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiActuals_AnnualReportId",
                table: "KpiActuals",
                column: "AnnualReportId");

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

            migrationBuilder.CreateIndex(
                name: "IX_Projects_CallId",
                table: "Projects",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_PartnerDepartmentId",
                table: "Projects",
                column: "PartnerDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ProposalId",
                table: "Projects",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ProposingGroupId",
                table: "Projects",
                column: "ProposingGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalActivities_ProposalId",
                table: "ProposalActivities",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalAttachments_ProposalId",
                table: "ProposalAttachments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalAttachments_StorageKey",
                table: "ProposalAttachments",
                column: "StorageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalBudgetLines_ProposalId",
                table: "ProposalBudgetLines",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalKpis_ProposalId",
                table: "ProposalKpis",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalKpiTargets_KpiId",
                table: "ProposalKpiTargets",
                column: "KpiId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRoleSplits_ProposalId",
                table: "ProposalRoleSplits",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CallId_Status",
                table: "Proposals",
                columns: new[] { "CallId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_PartnerDepartmentId",
                table: "Proposals",
                column: "PartnerDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProposingGroupId",
                table: "Proposals",
                column: "ProposingGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalScheduleItems_ProposalId",
                table: "ProposalScheduleItems",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalStatusChanges_ProposalId",
                table: "ProposalStatusChanges",
                column: "ProposalId");

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

            migrationBuilder.CreateIndex(
                name: "IX_ScoreEntries_ScoreSheetId_CriterionId",
                table: "ScoreEntries",
                columns: new[] { "ScoreSheetId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_PanelId_ProposalId_MemberUserId",
                table: "ScoreSheets",
                columns: new[] { "PanelId", "ProposalId", "MemberUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_ProposalId",
                table: "ScoreSheets",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningCriteria_CallId",
                table: "ScreeningCriteria",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningDecisions_PanelId_ProposalId",
                table: "ScreeningDecisions",
                columns: new[] { "PanelId", "ProposalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningDecisions_ProposalId",
                table: "ScreeningDecisions",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningPanelMembers_PanelId_MemberUserId",
                table: "ScreeningPanelMembers",
                columns: new[] { "PanelId", "MemberUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningPanels_CallId",
                table: "ScreeningPanels",
                column: "CallId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfEvaluationEntries_SelfEvaluationId_CriterionId",
                table: "SelfEvaluationEntries",
                columns: new[] { "SelfEvaluationId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfEvaluations_RoundId_Side",
                table: "SelfEvaluations",
                columns: new[] { "RoundId", "Side" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThemeFields_ActivityFieldId",
                table: "ThemeFields",
                column: "ActivityFieldId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeFields_OwnerId_ActivityFieldId",
                table: "ThemeFields",
                columns: new[] { "OwnerId", "ActivityFieldId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Themes_DepartmentId",
                table: "Themes",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_IsPublished_FiscalYear",
                table: "Themes",
                columns: new[] { "IsPublished", "FiscalYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityRecords");

            migrationBuilder.DropTable(
                name: "AnnualReportAttachments");

            migrationBuilder.DropTable(
                name: "AnnualReportStatusChanges");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "BudgetActuals");

            migrationBuilder.DropTable(
                name: "CallThemes");

            migrationBuilder.DropTable(
                name: "CitizenGroupFields");

            migrationBuilder.DropTable(
                name: "ConflictDeclarations");

            migrationBuilder.DropTable(
                name: "ContinuationDecisions");

            migrationBuilder.DropTable(
                name: "EvaluationConflictDeclarations");

            migrationBuilder.DropTable(
                name: "EvaluationCriteria");

            migrationBuilder.DropTable(
                name: "EvaluationRoundMembers");

            migrationBuilder.DropTable(
                name: "EvaluationScoreEntries");

            migrationBuilder.DropTable(
                name: "KpiActuals");

            migrationBuilder.DropTable(
                name: "MinutesAnswers");

            migrationBuilder.DropTable(
                name: "MinutesCorrectionSuggestions");

            migrationBuilder.DropTable(
                name: "MinutesStatusChanges");

            migrationBuilder.DropTable(
                name: "ProjectAgreementParties");

            migrationBuilder.DropTable(
                name: "ProjectAgreementRoleSplits");

            migrationBuilder.DropTable(
                name: "ProjectClosures");

            migrationBuilder.DropTable(
                name: "ProjectPlans");

            migrationBuilder.DropTable(
                name: "ProposalActivities");

            migrationBuilder.DropTable(
                name: "ProposalAttachments");

            migrationBuilder.DropTable(
                name: "ProposalBudgetLines");

            migrationBuilder.DropTable(
                name: "ProposalKpiTargets");

            migrationBuilder.DropTable(
                name: "ProposalRoleSplits");

            migrationBuilder.DropTable(
                name: "ProposalScheduleItems");

            migrationBuilder.DropTable(
                name: "ProposalStatusChanges");

            migrationBuilder.DropTable(
                name: "ReportMeetingAgendaItems");

            migrationBuilder.DropTable(
                name: "ReportMeetingAttendees");

            migrationBuilder.DropTable(
                name: "ScoreEntries");

            migrationBuilder.DropTable(
                name: "ScreeningCriteria");

            migrationBuilder.DropTable(
                name: "ScreeningDecisions");

            migrationBuilder.DropTable(
                name: "ScreeningPanelMembers");

            migrationBuilder.DropTable(
                name: "SelfEvaluationEntries");

            migrationBuilder.DropTable(
                name: "ThemeFields");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "EvaluationSheets");

            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "MinutesRows");

            migrationBuilder.DropTable(
                name: "ProjectAgreements");

            migrationBuilder.DropTable(
                name: "ChangeRequests");

            migrationBuilder.DropTable(
                name: "ProposalKpis");

            migrationBuilder.DropTable(
                name: "ScoreSheets");

            migrationBuilder.DropTable(
                name: "SelfEvaluations");

            migrationBuilder.DropTable(
                name: "ActivityFields");

            migrationBuilder.DropTable(
                name: "Themes");

            migrationBuilder.DropTable(
                name: "Minutes");

            migrationBuilder.DropTable(
                name: "ScreeningPanels");

            migrationBuilder.DropTable(
                name: "EvaluationRounds");

            migrationBuilder.DropTable(
                name: "ReportMeetings");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DropTable(
                name: "CitizenGroups");

            migrationBuilder.DropTable(
                name: "Departments");
        }
    }
}
