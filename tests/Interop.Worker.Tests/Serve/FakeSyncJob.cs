using System.Threading.Channels;
using Interop.Worker.Serve;
using Interop.Sync;

namespace Interop.Worker.Tests.Serve;

/// <summary>A sync that records when it ran and, while <see cref="Hold"/> is set, waits for its release or its cancellation.</summary>
internal sealed class FakeSyncJob(TimeProvider time) : ISyncJob
{
    private readonly Channel<FakeRun> _started = Channel.CreateUnbounded<FakeRun>();

    /// <summary>Runs wait for this before returning (null: return at once).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Runs throw what this returns (null, or a null result: they succeed).</summary>
    public Func<Exception?>? Failure { get; set; }

    public int Started { get; private set; }

    public List<FakeRun> Runs { get; } = [];

    public async Task<RunReport> RunAsync(string target, CancellationToken cancellationToken)
    {
        var run = new FakeRun(target, time.GetUtcNow(), cancellationToken);
        lock (Runs)
        {
            Runs.Add(run);
            Started++;
        }

        await _started.Writer.WriteAsync(run, CancellationToken.None);
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        return Failure?.Invoke() is { } failure ? throw failure : Reports.Empty(time.GetUtcNow());
    }

    /// <summary>The next run that started (waits up to 10 s).</summary>
    public async Task<FakeRun> NextStartedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _started.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Whether a run started that was not yet read with <see cref="NextStartedAsync"/>.</summary>
    public bool HasUnread => _started.Reader.TryPeek(out _);
}

internal sealed record FakeRun(string Target, DateTimeOffset At, CancellationToken Token);

internal static class Reports
{
    public static RunReport Empty(DateTimeOffset at, int evaluated = 0, int quarantined = 0) => new()
    {
        AdapterVersion = "test",
        RuleSetVersion = "test",
        AsOf = at,
        AsOfDate = DateOnly.FromDateTime(at.UtcDateTime),
        StartedAt = at,
        DurationSeconds = 0,
        DryRun = false,
        ResourcesRead = 0,
        IrrelevantResources = 0,
        PatientsSeen = evaluated,
        PatientsScreened = evaluated,
        PatientsEvaluated = evaluated,
        PatientsWithheld = 0,
        Eligible = 0,
        Ineligible = 0,
        Undetermined = evaluated,
        IneligibleReasons = [],
        UndeterminedMissing = [],
        OutcomesByCode = new Dictionary<string, int> { ["eligibility"] = evaluated },
        ProvenancesWritten = 0,
        Quarantined = [.. Enumerable.Range(0, quarantined).Select(i => new Interop.Fhir.Mapping.QuarantineEntry($"Condition.ndjson:{i + 1}", "Condition", $"c{i}", null, "unreadable"))],
        ExitCode = quarantined > 0 ? 3 : 0,
    };
}
