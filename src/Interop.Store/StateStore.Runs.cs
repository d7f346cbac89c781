using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

public sealed partial class StateStore
{
    /// <summary>
    /// Records a run's start and returns its id (time-ordered). The run holds a lease on its row until now +
    /// <paramref name="lease"/>, which its process renews (<see cref="RenewRunAsync"/>) while it is alive; a run whose lease
    /// runs out before it finishes is <see cref="SyncRunStatus.Abandoned"/>. Runs of any target whose lease ran out are
    /// marked so here first.
    /// </summary>
    /// <param name="ehrName">The EHR's configured name, or <c>file</c> in file mode.</param>
    public async Task<Guid> StartRunAsync(string ehrName, SyncRunMode mode, DateTimeOffset asOf, TimeSpan lease, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await MarkAbandonedRunsAsync(cancellationToken);
        var now = Now();
        var row = new SyncRunRow
        {
            RunId = Guid.CreateVersion7(now),
            EhrName = ehrName,
            Mode = mode,
            Status = SyncRunStatus.Running,
            StartedAt = now,
            LeaseExpiresAt = now + lease,
            AsOf = Utc(asOf),
        };
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        db.Runs.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.RunId;
    }

    /// <summary>
    /// Extends a run's lease to now + <paramref name="lease"/>: its process is alive. A run marked abandoned meanwhile
    /// (its renewals had stopped for longer than the lease) is running again. False when the run is unknown or finished.
    /// </summary>
    public async Task<bool> RenewRunAsync(Guid runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var expires = Now() + lease;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var renewed = await db.Runs
            .Where(r => r.RunId == runId && (r.Status == SyncRunStatus.Running || r.Status == SyncRunStatus.Abandoned))
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.LeaseExpiresAt, expires).SetProperty(r => r.Status, SyncRunStatus.Running).SetProperty(r => r.FinishedAt, (DateTimeOffset?)null),
                cancellationToken);
        return renewed > 0;
    }

    /// <summary>
    /// Marks every running run whose lease ran out (or that has none, from before leases existed) as
    /// <see cref="SyncRunStatus.Abandoned"/>, finished when its lease ran out. Returns how many.
    /// </summary>
    public async Task<int> MarkAbandonedRunsAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs
            .Where(r => r.Status == SyncRunStatus.Running && (r.LeaseExpiresAt == null || r.LeaseExpiresAt <= now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, SyncRunStatus.Abandoned).SetProperty(r => r.FinishedAt, r => r.LeaseExpiresAt ?? now),
                cancellationToken);
    }

    /// <summary>Records how a run ended, with its counts and quarantined records, in one transaction.</summary>
    /// <exception cref="InvalidOperationException">The run is unknown or already finished.</exception>
    public async Task FinishRunAsync(Guid runId, SyncRunCompletion completion, CancellationToken cancellationToken)
    {
        if (completion.Status is not (SyncRunStatus.Completed or SyncRunStatus.Failed))
        {
            throw new ArgumentException("A finished run is completed or failed", nameof(completion));
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Runs.SingleOrDefaultAsync(r => r.RunId == runId, cancellationToken)
            ?? throw new InvalidOperationException($"Run {runId} is unknown");
        // An abandoned run was presumed gone (its lease ran out); if it finishes after all, how it ended is the truth.
        if (row.Status is not (SyncRunStatus.Running or SyncRunStatus.Abandoned))
        {
            throw new InvalidOperationException($"Run {runId} has already finished");
        }

        var c = completion.Counts;
        row.Status = completion.Status;
        row.ExitCode = completion.ExitCode;
        row.FinishedAt = Now();
        (row.ResourcesRead, row.PatientsScreened, row.Evaluated, row.Withheld) = (c.ResourcesRead, c.PatientsScreened, c.Evaluated, c.Withheld);
        (row.OutcomesWritten, row.OutcomesUnchanged, row.RequestsMade) = (c.OutcomesWritten, c.OutcomesUnchanged, c.RequestsMade);
        row.QuarantinedCount = completion.Quarantined.Count;
        db.RunQuarantine.AddRange(completion.Quarantined.Select(q => new SyncRunQuarantineRow
        {
            RunId = runId,
            Location = q.Location,
            ResourceType = q.ResourceType,
            ResourceId = q.ResourceId,
            PatientId = q.PatientId,
            Reason = q.Reason,
        }));
        row.WarningCount = completion.Warnings.Count;
        db.RunWarnings.AddRange(completion.Warnings.Select(w => new SyncRunWarningRow
        {
            RunId = runId,
            Location = w.Location,
            ResourceType = w.ResourceType,
            ResourceId = w.ResourceId,
            PatientId = w.PatientId,
            Rule = w.Rule,
            Detail = w.Detail,
        }));
        row.DriftCount = completion.Drift.Count;
        row.RuleSetVersion = completion.RuleSet?.Version;
        row.RuleSetFingerprint = completion.RuleSet?.Fingerprint;
        db.RunDrift.AddRange(completion.Drift.Select(d => new SyncRunDriftRow
        {
            RunId = runId,
            Kind = d.Kind,
            Action = d.Action,
            PatientId = d.PatientId,
            OutcomeCode = d.OutcomeCode,
            ResourceIds = JoinIds(d.ResourceIds),
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recent runs, newest first; all EHRs when <paramref name="ehrName"/> is null.</summary>
    public async Task<StorePage<SyncRun>> ListRunsAsync(string? ehrName, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Runs.AsNoTracking();
        if (ehrName is not null)
        {
            query = query.Where(r => r.EhrName == ehrName);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.RunId)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        var now = Now();
        return new StorePage<SyncRun>([.. rows.Select(r => ToRun(r, now))], total, skip, take);
    }

    /// <summary>The EHR's most recent run, or null.</summary>
    public async Task<SyncRun?> GetLatestRunAsync(string ehrName, CancellationToken cancellationToken)
    {
        var page = await ListRunsAsync(ehrName, 0, 1, cancellationToken);
        return page.Items.Count == 0 ? null : page.Items[0];
    }

    /// <summary>One run with its quarantined records (in the order recorded), or null.</summary>
    public async Task<SyncRunDetail?> GetRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == runId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var quarantine = await db.RunQuarantine.AsNoTracking()
            .Where(q => q.RunId == runId).OrderBy(q => q.Id)
            .Select(q => new QuarantinedRecord(q.Location, q.ResourceType, q.ResourceId, q.PatientId, q.Reason))
            .ToListAsync(cancellationToken);
        var warnings = await db.RunWarnings.AsNoTracking()
            .Where(w => w.RunId == runId).OrderBy(w => w.Id)
            .Select(w => new RunWarning(w.Location, w.ResourceType, w.ResourceId, w.PatientId, w.Rule, w.Detail))
            .ToListAsync(cancellationToken);
        var drift = await db.RunDrift.AsNoTracking()
            .Where(d => d.RunId == runId).OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return new SyncRunDetail(ToRun(row, Now()), quarantine)
        {
            Warnings = warnings,
            Drift = [.. drift.Select(d => new ServerDriftRecord(d.Kind, d.Action, d.PatientId, d.OutcomeCode, SplitIds(d.ResourceIds)))],
        };
    }

    /// <summary>A running run whose lease ran out reads as abandoned even before <see cref="MarkAbandonedRunsAsync"/> marks it.</summary>
    private static SyncRun ToRun(SyncRunRow r, DateTimeOffset now) => IsLapsed(r, now)
        ? ToRun(r, SyncRunStatus.Abandoned, r.LeaseExpiresAt ?? now)
        : ToRun(r, r.Status, r.FinishedAt);

    private static bool IsLapsed(SyncRunRow r, DateTimeOffset now) => r.Status == SyncRunStatus.Running && (r.LeaseExpiresAt is not { } expires || expires <= now);

    private static SyncRun ToRun(SyncRunRow r, SyncRunStatus status, DateTimeOffset? finishedAt) => new(
        r.RunId, r.EhrName, r.Mode, status, r.StartedAt, finishedAt, r.AsOf,
        new SyncRunCounts(r.ResourcesRead, r.PatientsScreened, r.Evaluated, r.Withheld, r.OutcomesWritten, r.OutcomesUnchanged, r.RequestsMade),
        r.QuarantinedCount, r.ExitCode)
    {
        WarningCount = r.WarningCount,
        DriftCount = r.DriftCount,
        RuleSet = r.RuleSetVersion is { } version ? new RuleSetStamp(version, r.RuleSetFingerprint) : null,
    };
}
