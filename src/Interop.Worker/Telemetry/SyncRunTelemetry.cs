using System.Diagnostics;
using Interop.Worker.Serve;
using Interop.Sync;

namespace Interop.Worker.Telemetry;

/// <summary>The metrics and the <see cref="Activity"/> of one sync run: end it once with <see cref="Completed"/>, <see cref="Failed"/> or <see cref="Cancelled"/>.</summary>
internal sealed class SyncRunTelemetry : IDisposable
{
    private readonly SyncTelemetry _telemetry;
    private readonly string _target;
    private readonly string _mode;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Activity? _activity;

    public SyncRunTelemetry(SyncTelemetry telemetry, string target, string trigger, TimeProvider time)
    {
        (_telemetry, _target, _time) = (telemetry, target, time);
        _mode = SyncTargets.IsFile(target) ? "file" : "live";
        _started = time.GetTimestamp();
        _activity = SyncTelemetry.ActivitySource.StartActivity("interop.sync", ActivityKind.Internal);
        _activity?.SetTag("target", target);
        _activity?.SetTag("mode", _mode);
        _activity?.SetTag("trigger", trigger);
        if (_activity is not null)
        {
            _activity.DisplayName = $"sync {target}";
        }
    }

    public void Completed(RunReport report)
    {
        var outcomes = _mode == "live" ? report.OutcomesWritten : report.OutcomesByCode.Values.Sum();
        var tags = Tags(RunStatus.Completed);
        _telemetry.PatientsEvaluated.Add(report.PatientsEvaluated, tags);
        _telemetry.OutcomesWritten.Add(outcomes, tags);
        _telemetry.Quarantined.Add(report.Quarantined.Count, tags);
        foreach (var drift in report.ServerDrift.GroupBy(d => (d.Kind, d.Action)))
        {
            _telemetry.OutcomeDrift.Add(drift.Count(), [.. tags, new("kind", drift.Key.Kind), new("action", drift.Key.Action)]);
        }

        _activity?.SetTag("patients_evaluated", report.PatientsEvaluated);
        _activity?.SetTag("outcomes_written", outcomes);
        _activity?.SetTag("quarantined", report.Quarantined.Count);
        _activity?.SetTag("outcome_drift", report.ServerDrift.Count);
        _activity?.SetTag("exit_code", report.ExitCode);
        End(RunStatus.Completed, ActivityStatusCode.Ok, null);
    }

    /// <param name="failureType">The exception's type name (never its message).</param>
    public void Failed(string failureType) => End(RunStatus.Failed, ActivityStatusCode.Error, failureType);

    public void Cancelled() => End(RunStatus.Cancelled, ActivityStatusCode.Unset, null);

    public void Dispose() => _activity?.Dispose();

    private void End(string status, ActivityStatusCode code, string? failureType)
    {
        var tags = Tags(status);
        _telemetry.Runs.Add(1, tags);
        _telemetry.Duration.Record(_time.GetElapsedTime(_started).TotalSeconds, tags);
        _activity?.SetTag("status", status);
        if (failureType is not null)
        {
            _activity?.SetTag("error.type", failureType);
        }

        _activity?.SetStatus(code);
    }

    private KeyValuePair<string, object?>[] Tags(string status) =>
        [new("target", _target), new("mode", _mode), new("status", status)];
}

/// <summary>The status tag of a run's metrics and trace.</summary>
internal static class RunStatus
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
