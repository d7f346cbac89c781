using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interop.Store.Migrations.Sqlite
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
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    FetchedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkExportFile", x => new { x.EhrName, x.Url });
                });

            migrationBuilder.CreateTable(
                name: "BulkExportJob",
                columns: table => new
                {
                    EhrName = table.Column<string>(type: "TEXT", nullable: false),
                    StatusUrl = table.Column<string>(type: "TEXT", nullable: false),
                    Folder = table.Column<string>(type: "TEXT", nullable: false),
                    Shape = table.Column<string>(type: "TEXT", nullable: false),
                    KickedOffAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SinceSent = table.Column<bool>(type: "INTEGER", nullable: false),
                    TypesByRest = table.Column<string>(type: "TEXT", nullable: false)
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
