using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Interop.Store.Migrations.PostgreSql
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ParkedAt",
                table: "PendingPatient",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedOutsideAt",
                table: "OutcomeLedger",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EhrDriftScan",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    IncrementalSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FullReconcileAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhrDriftScan", x => x.EhrName);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeConflict",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    OutcomeIdentifier = table.Column<string>(type: "text", nullable: false),
                    PatientId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    ResourceIds = table.Column<string>(type: "text", nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeConflict", x => new { x.EhrName, x.OutcomeIdentifier });
                });

            migrationBuilder.CreateTable(
                name: "OutcomeWriteIntent",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    OutcomeIdentifier = table.Column<string>(type: "text", nullable: false),
                    PatientId = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeWriteIntent", x => new { x.EhrName, x.OutcomeIdentifier });
                });

            migrationBuilder.CreateTable(
                name: "SyncRunDrift",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    PatientId = table.Column<string>(type: "text", nullable: false),
                    OutcomeCode = table.Column<string>(type: "text", nullable: false),
                    ResourceIds = table.Column<string>(type: "text", nullable: false)
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
