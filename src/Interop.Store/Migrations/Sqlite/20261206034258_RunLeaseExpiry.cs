using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interop.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunLeaseExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseExpiresAt",
                table: "SyncRun",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "SyncRun");
        }
    }
}
