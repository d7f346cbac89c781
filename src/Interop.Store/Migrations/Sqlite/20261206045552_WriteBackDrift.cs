using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interop.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WriteBackDrift : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DriftCount",
                table: "SyncRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ParkedAt",
                table: "PendingPatient",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EditedOutsideAt",
                table: "OutcomeLedger",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EhrDriftScan",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    IncrementalSince = table.Column<long>(type: "INTEGER", nullable: true),
                    FullReconcileAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhrDriftScan", x => x.EhrName);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeConflict",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    OutcomeIdentifier = table.Column<string>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceIds = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeConflict", x => new { x.EhrName, x.OutcomeIdentifier });
                });

            migrationBuilder.CreateTable(
                name: "OutcomeWriteIntent",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    OutcomeIdentifier = table.Column<string>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeWriteIntent", x => new { x.EhrName, x.OutcomeIdentifier });
                });

            migrationBuilder.CreateTable(
                name: "SyncRunDrift",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", nullable: false),
                    OutcomeCode = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRunDrift", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRunDrift_SyncRun_RunId",
                        column: x => x.RunId,
                        principalTable: "SyncRun",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeConflict_EhrName_PatientId",
                table: "OutcomeConflict",
                columns: new[] { "EhrName", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeWriteIntent_EhrName_PatientId",
                table: "OutcomeWriteIntent",
                columns: new[] { "EhrName", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRunDrift_RunId",
                table: "SyncRunDrift",
                column: "RunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EhrDriftScan");

            migrationBuilder.DropTable(
                name: "OutcomeConflict");

            migrationBuilder.DropTable(
                name: "OutcomeWriteIntent");

            migrationBuilder.DropTable(
                name: "SyncRunDrift");

            migrationBuilder.DropColumn(
                name: "DriftCount",
                table: "SyncRun");

            migrationBuilder.DropColumn(
                name: "ParkedAt",
                table: "PendingPatient");

            migrationBuilder.DropColumn(
                name: "EditedOutsideAt",
                table: "OutcomeLedger");
        }
    }
}
