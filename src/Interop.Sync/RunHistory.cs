using Interop.Store;

namespace Interop.Sync;

/// <summary>How a run report is kept in the store's run history (<c>GET /api/v1/runs</c>): counts and quarantined records, no patient data.</summary>
internal static class RunHistory
{
    /// <summary>The target name of file-mode runs (the NDJSON source) in the store.</summary>
    public const string FileTarget = "file";

    public static SyncRunCompletion Completion(RunReport report, SyncRunStatus status) => new(
        status,
        report.ExitCode,
        new SyncRunCounts(report.ResourcesRead, report.PatientsScreened, report.PatientsEvaluated, report.PatientsWithheld,
            Written(report), report.OutcomesUnchanged, (int)report.RequestsMade),
        [.. report.Quarantined.Select(q => new QuarantinedRecord(q.Location, q.ResourceType, q.ResourceId, q.PatientId, q.Reason))])
    {
        Warnings = [.. report.Warnings.Select(w => new RunWarning(w.Location, w.ResourceType, w.ResourceId, w.PatientId, w.Rule, w.Detail))],
        Drift = report.ServerDrift,
        RuleSet = new RuleSetStamp(report.RuleSetVersion, report.RuleSetFingerprint),
    };

    /// <summary>A live run counts what it wrote back; a file run wrote every outcome it built (none in a dry run).</summary>
    private static int Written(RunReport report) =>
        report.OutcomeChanges is null && !report.DryRun ? report.OutcomesByCode.Values.Sum() : report.OutcomesWritten;

    /// <summary>A run that ended by an exception: its status and exit code only.</summary>
    public static SyncRunCompletion Failed(long requestsMade = 0) =>
        new(SyncRunStatus.Failed, ExitCodes.Failure, new SyncRunCounts(RequestsMade: (int)requestsMade), []);
}
