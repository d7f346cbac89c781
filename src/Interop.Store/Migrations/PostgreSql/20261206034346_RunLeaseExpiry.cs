using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interop.Store.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RunLeaseExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseExpiresAt",
                table: "SyncRun",
                type: "timestamp with time zone",
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
