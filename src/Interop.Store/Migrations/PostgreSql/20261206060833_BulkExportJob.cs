using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interop.Store.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class BulkExportJob : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BulkExportFile",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    Url = table.Column<string>(type: "text", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    FetchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkExportFile", x => new { x.EhrName, x.Url });
                });

            migrationBuilder.CreateTable(
                name: "BulkExportJob",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "text", nullable: false),
                    StatusUrl = table.Column<string>(type: "text", nullable: false),
                    Folder = table.Column<string>(type: "text", nullable: false),
                    Shape = table.Column<string>(type: "text", nullable: false),
                    KickedOffAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SinceSent = table.Column<bool>(type: "boolean", nullable: false),
                    TypesByRest = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkExportJob", x => x.EhrName);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulkExportFile");

            migrationBuilder.DropTable(
                name: "BulkExportJob");
        }
    }
}
