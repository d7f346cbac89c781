using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Interop.Store.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EhrWatermark",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    LastUpdatedHighWater = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhrWatermark", x => x.EhrName);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeLedger",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    OutcomeIdentifier = table.Column<string>(type: "text", nullable: false),
                    PatientId = table.Column<string>(type: "text", nullable: false),
                    OutcomeCode = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "text", nullable: false),
                    ServerResourceId = table.Column<string>(type: "text", nullable: true),
                    ServerVersionId = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "text", nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeLedger", x => new { x.EhrName, x.OutcomeIdentifier });
                });

            migrationBuilder.CreateTable(
                name: "PendingPatient",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    PatientId = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    FirstFailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastFailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingPatient", x => new { x.EhrName, x.PatientId });
                });

            migrationBuilder.CreateTable(
                name: "RunLease",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    Holder = table.Column<string>(type: "text", nullable: false),
                    AcquiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunLease", x => x.EhrName);
                });

            migrationBuilder.CreateTable(
                name: "SubjectStatus",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    PatientId = table.Column<string>(type: "text", nullable: false),
                    AsOf = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Verdict = table.Column<string>(type: "text", nullable: false),
                    ResearchSubjectStatus = table.Column<string>(type: "text", nullable: true),
                    RiskGroup = table.Column<string>(type: "text", nullable: true),
                    CourseState = table.Column<string>(type: "text", nullable: true),
                    MrdClass = table.Column<string>(type: "text", nullable: true),
                    PrimaryEndpoint = table.Column<string>(type: "text", nullable: true),
                    DfsStatus = table.Column<string>(type: "text", nullable: true),
                    OsStatus = table.Column<string>(type: "text", nullable: true),
                    CriteriaJson = table.Column<string>(type: "text", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectStatus", x => new { x.EhrName, x.PatientId });
                });

            migrationBuilder.CreateTable(
                name: "SyncRun",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    Mode = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AsOf = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResourcesRead = table.Column<int>(type: "integer", nullable: false),
                    PatientsScreened = table.Column<int>(type: "integer", nullable: false),
                    Evaluated = table.Column<int>(type: "integer", nullable: false),
                    Withheld = table.Column<int>(type: "integer", nullable: false),
                    OutcomesWritten = table.Column<int>(type: "integer", nullable: false),
                    OutcomesUnchanged = table.Column<int>(type: "integer", nullable: false),
                    RequestsMade = table.Column<int>(type: "integer", nullable: false),
                    QuarantinedCount = table.Column<int>(type: "integer", nullable: false),
                    ExitCode = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRun", x => x.RunId);
                });

            migrationBuilder.CreateTable(
                name: "SyncRunQuarantine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Location = table.Column<string>(type: "text", nullable: false),
                    ResourceType = table.Column<string>(type: "text", nullable: true),
                    ResourceId = table.Column<string>(type: "text", nullable: true),
                    PatientId = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRunQuarantine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRunQuarantine_SyncRun_RunId",
                        column: x => x.RunId,
                        principalTable: "SyncRun",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeLedger_EhrName_PatientId",
                table: "OutcomeLedger",
                columns: new[] { "EhrName", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectStatus_EhrName_ResearchSubjectStatus",
                table: "SubjectStatus",
                columns: new[] { "EhrName", "ResearchSubjectStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectStatus_EhrName_Verdict",
                table: "SubjectStatus",
                columns: new[] { "EhrName", "Verdict" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRun_EhrName_StartedAt",
                table: "SyncRun",
                columns: new[] { "EhrName", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRun_StartedAt",
                table: "SyncRun",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SyncRunQuarantine_RunId",
                table: "SyncRunQuarantine",
                column: "RunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EhrWatermark");

            migrationBuilder.DropTable(
                name: "OutcomeLedger");

            migrationBuilder.DropTable(
                name: "PendingPatient");

            migrationBuilder.DropTable(
                name: "RunLease");

            migrationBuilder.DropTable(
                name: "SubjectStatus");

            migrationBuilder.DropTable(
                name: "SyncRunQuarantine");

            migrationBuilder.DropTable(
                name: "SyncRun");
        }
    }
}
