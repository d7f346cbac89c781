using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interop.Store.Migrations.Sqlite
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
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    LastUpdatedHighWater = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhrWatermark", x => x.EhrName);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeLedger",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    OutcomeIdentifier = table.Column<string>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", nullable: false),
                    OutcomeCode = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    ServerResourceId = table.Column<string>(type: "TEXT", nullable: true),
                    ServerVersionId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeLedger", x => new { x.EhrName, x.OutcomeIdentifier });
                });

            migrationBuilder.CreateTable(
                name: "PendingPatient",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstFailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFailedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingPatient", x => new { x.EhrName, x.PatientId });
                });

            migrationBuilder.CreateTable(
                name: "RunLease",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", nullable: false),
                    AcquiredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunLease", x => x.EhrName);
                });

            migrationBuilder.CreateTable(
                name: "SubjectStatus",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", nullable: false),
                    AsOf = table.Column<long>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", nullable: false),
                    ResearchSubjectStatus = table.Column<string>(type: "TEXT", nullable: true),
                    RiskGroup = table.Column<string>(type: "TEXT", nullable: true),
                    CourseState = table.Column<string>(type: "TEXT", nullable: true),
                    MrdClass = table.Column<string>(type: "TEXT", nullable: true),
                    PrimaryEndpoint = table.Column<string>(type: "TEXT", nullable: true),
                    DfsStatus = table.Column<string>(type: "TEXT", nullable: true),
                    OsStatus = table.Column<string>(type: "TEXT", nullable: true),
                    CriteriaJson = table.Column<string>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectStatus", x => new { x.EhrName, x.PatientId });
                });

            migrationBuilder.CreateTable(
                name: "SyncRun",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AsOf = table.Column<long>(type: "INTEGER", nullable: false),
                    ResourcesRead = table.Column<int>(type: "INTEGER", nullable: false),
                    PatientsScreened = table.Column<int>(type: "INTEGER", nullable: false),
                    Evaluated = table.Column<int>(type: "INTEGER", nullable: false),
                    Withheld = table.Column<int>(type: "INTEGER", nullable: false),
                    OutcomesWritten = table.Column<int>(type: "INTEGER", nullable: false),
                    OutcomesUnchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestsMade = table.Column<int>(type: "INTEGER", nullable: false),
                    QuarantinedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ExitCode = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRun", x => x.RunId);
                });

            migrationBuilder.CreateTable(
                name: "SyncRunQuarantine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", nullable: true),
                    ResourceId = table.Column<string>(type: "TEXT", nullable: true),
                    PatientId = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: false)
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
