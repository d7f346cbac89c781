using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interop.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubjectSurvivalDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CourseInfusionDays",
                table: "SubjectStatus",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DfsEventDay",
                table: "SubjectStatus",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpDays",
                table: "SubjectStatus",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OsEventDay",
                table: "SubjectStatus",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelapseSite",
                table: "SubjectStatus",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CourseInfusionDays",
                table: "SubjectStatus");

            migrationBuilder.DropColumn(
                name: "DfsEventDay",
                table: "SubjectStatus");

            migrationBuilder.DropColumn(
                name: "FollowUpDays",
                table: "SubjectStatus");

            migrationBuilder.DropColumn(
                name: "OsEventDay",
                table: "SubjectStatus");

            migrationBuilder.DropColumn(
                name: "RelapseSite",
                table: "SubjectStatus");
        }
    }
}
