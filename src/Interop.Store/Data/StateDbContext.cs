using Microsoft.EntityFrameworkCore;

namespace Interop.Store.Data;

/// <summary>
/// The state model, shared by both providers. Each provider has its own sealed subclass so that its
/// migrations (column types differ) live in their own folder and model snapshot.
/// </summary>
internal abstract class StateDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<EhrWatermarkRow> Watermarks => Set<EhrWatermarkRow>();

    public DbSet<OutcomeLedgerRow> Ledger => Set<OutcomeLedgerRow>();

    public DbSet<PendingPatientRow> PendingPatients => Set<PendingPatientRow>();

    public DbSet<SyncRunRow> Runs => Set<SyncRunRow>();

    public DbSet<SyncRunQuarantineRow> RunQuarantine => Set<SyncRunQuarantineRow>();

    public DbSet<SyncRunWarningRow> RunWarnings => Set<SyncRunWarningRow>();

    public DbSet<SyncRunDriftRow> RunDrift => Set<SyncRunDriftRow>();

    public DbSet<OutcomeWriteIntentRow> WriteIntents => Set<OutcomeWriteIntentRow>();

    public DbSet<OutcomeConflictRow> OutcomeConflicts => Set<OutcomeConflictRow>();

    public DbSet<EhrDriftScanRow> DriftScans => Set<EhrDriftScanRow>();

    public DbSet<EhrServerIdentityRow> ServerIdentities => Set<EhrServerIdentityRow>();

    public DbSet<RunLeaseRow> Leases => Set<RunLeaseRow>();

    public DbSet<BulkExportJobRow> BulkExportJobs => Set<BulkExportJobRow>();

    public DbSet<BulkExportFileRow> BulkExportFiles => Set<BulkExportFileRow>();

    public DbSet<SubjectStatusRow> SubjectStatuses => Set<SubjectStatusRow>();

    public DbSet<ValidatedContentRow> ValidatedContent => Set<ValidatedContentRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EhrWatermarkRow>(e =>
        {
            e.ToTable("EhrWatermark");
            e.HasKey(x => x.EhrName);
        });

        modelBuilder.Entity<OutcomeLedgerRow>(e =>
        {
            e.ToTable("OutcomeLedger");
            e.HasKey(x => new { x.EhrName, x.OutcomeIdentifier });
            e.HasIndex(x => new { x.EhrName, x.PatientId });
            e.Property(x => x.Status).HasConversion(StoredCodes.OutcomeStatus);
        });

        modelBuilder.Entity<PendingPatientRow>(e =>
        {
            e.ToTable("PendingPatient");
            e.HasKey(x => new { x.EhrName, x.PatientId });
        });

        modelBuilder.Entity<SyncRunRow>(e =>
        {
            e.ToTable("SyncRun");
            e.HasKey(x => x.RunId);
            e.HasIndex(x => new { x.EhrName, x.StartedAt });
            e.HasIndex(x => x.StartedAt);
            e.Property(x => x.Mode).HasConversion(StoredCodes.RunMode);
            e.Property(x => x.Status).HasConversion(StoredCodes.RunStatus);
            e.Property(x => x.RuleSetVersion).HasMaxLength(200);
            e.Property(x => x.RuleSetFingerprint).HasMaxLength(80);
            e.HasMany(x => x.Quarantine).WithOne().HasForeignKey(q => q.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Warnings).WithOne().HasForeignKey(w => w.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Drift).WithOne().HasForeignKey(d => d.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SyncRunDriftRow>(e =>
        {
            e.ToTable("SyncRunDrift");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });

        modelBuilder.Entity<OutcomeWriteIntentRow>(e =>
        {
            e.ToTable("OutcomeWriteIntent");
            e.HasKey(x => new { x.EhrName, x.OutcomeIdentifier });
            e.HasIndex(x => new { x.EhrName, x.PatientId });
            e.Property(x => x.Status).HasConversion(StoredCodes.OutcomeStatus);
        });

        modelBuilder.Entity<OutcomeConflictRow>(e =>
        {
            e.ToTable("OutcomeConflict");
            e.HasKey(x => new { x.EhrName, x.OutcomeIdentifier });
            e.HasIndex(x => new { x.EhrName, x.PatientId });
        });

        modelBuilder.Entity<EhrDriftScanRow>(e =>
        {
            e.ToTable("EhrDriftScan");
            e.HasKey(x => x.EhrName);
        });

        modelBuilder.Entity<EhrServerIdentityRow>(e =>
        {
            e.ToTable("EhrServerIdentity");
            e.HasKey(x => x.EhrName);
        });

        modelBuilder.Entity<SyncRunWarningRow>(e =>
        {
            e.ToTable("SyncRunWarning");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });

        modelBuilder.Entity<SyncRunQuarantineRow>(e =>
        {
            e.ToTable("SyncRunQuarantine");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });

        modelBuilder.Entity<RunLeaseRow>(e =>
        {
            e.ToTable("RunLease");
            e.HasKey(x => x.EhrName);
        });

        modelBuilder.Entity<BulkExportJobRow>(e =>
        {
            e.ToTable("BulkExportJob");
            e.HasKey(x => x.EhrName);
        });

        modelBuilder.Entity<BulkExportFileRow>(e =>
        {
            e.ToTable("BulkExportFile");
            e.HasKey(x => new { x.EhrName, x.Url });
        });

        modelBuilder.Entity<SubjectStatusRow>(e =>
        {
            e.ToTable("SubjectStatus");
            e.HasKey(x => new { x.EhrName, x.PatientId });
            e.HasIndex(x => new { x.EhrName, x.Verdict });
            e.HasIndex(x => new { x.EhrName, x.ResearchSubjectStatus });
        });

        modelBuilder.Entity<ValidatedContentRow>(e =>
        {
            e.ToTable("ValidatedContent");
            e.HasKey(x => new { x.ProfileSetVersion, x.ContentHash });
            e.Property(x => x.ProfileSetVersion).HasMaxLength(64);
            e.Property(x => x.ContentHash).HasMaxLength(64);
        });
    }
}

/// <summary>SQLite: instants as UTC ticks (INTEGER), so that they order and compare in SQL.</summary>
internal sealed class SqliteStateDbContext(DbContextOptions<SqliteStateDbContext> options) : StateDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // EF Core's SQLite provider stores DateTimeOffset as TEXT and cannot compare or order it.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>PostgreSQL: instants as <c>timestamp with time zone</c> (the store writes UTC only).</summary>
internal sealed class PostgreSqlStateDbContext(DbContextOptions<PostgreSqlStateDbContext> options) : StateDbContext(options);
