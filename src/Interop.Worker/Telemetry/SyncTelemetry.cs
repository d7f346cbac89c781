using System.Diagnostics;
using System.Diagnostics.Metrics;
using Interop.Worker.Serve;
using Interop.Sync;

namespace Interop.Worker.Telemetry;

/// <summary>
/// The adapter's own metrics and traces: one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named
/// <see cref="Name"/>. Tags carry target names, modes, statuses and counts only: never patient data.
/// </summary>
internal sealed class SyncTelemetry : IDisposable
{
    public const string Name = "Interop";

    public static readonly ActivitySource ActivitySource = new(Name, AdapterVersion.Current);

    private readonly Meter _meter;
    private readonly TimeProvider _time;

    public SyncTelemetry(IMeterFactory meters, SyncRunBoard board, TimeProvider time)
    {
        _time = time;
        _meter = meters.Create(Name, AdapterVersion.Current);
        Runs = _meter.CreateCounter<long>("interop.sync.runs", "{run}", "Sync runs, by target and status (completed, failed, cancelled).");
        Duration = _meter.CreateHistogram<double>("interop.sync.duration", "s", "How long a sync run took.");
        PatientsEvaluated = _meter.CreateCounter<long>("interop.sync.patients_evaluated", "{patient}", "Patients evaluated against the trial rules.");
        OutcomesWritten = _meter.CreateCounter<long>("interop.sync.outcomes_written", "{observation}", "Outcome Observations written.");
        Quarantined = _meter.CreateCounter<long>("interop.sync.quarantined", "{record}", "Input records quarantined.");
        OutcomeDrift = _meter.CreateCounter<long>(
            "interop.sync.outcome_drift", "{outcome}", "Outcomes found changed on the EHR behind the adapter's back, by kind (deleted, edited-outside, duplicate-identifier, unrecorded) and action.");
        _meter.CreateObservableGauge(
            "interop.sync.lag",
            () => board.Snapshot().Select(s => new Measurement<double>((_time.GetUtcNow() - s.Value).TotalSeconds, new KeyValuePair<string, object?>("target", s.Key))),
            "s",
            "Seconds since the target's last successful run.");
    }

    public Counter<long> Runs { get; }

    public Histogram<double> Duration { get; }

    public Counter<long> PatientsEvaluated { get; }

    public Counter<long> OutcomesWritten { get; }

    public Counter<long> Quarantined { get; }

    public Counter<long> OutcomeDrift { get; }

    /// <summary>Starts the trace and the clock of one run; record its end on the returned scope.</summary>
    public SyncRunTelemetry StartRun(string target, string trigger) => new(this, target, trigger, _time);

    public void Dispose() => _meter.Dispose();
}
