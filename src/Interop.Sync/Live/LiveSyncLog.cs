using Microsoft.Extensions.Logging;

namespace Interop.Sync.Live;

/// <summary>Live sync log events: counts, statuses and opaque ids only.</summary>
internal static partial class LiveSyncLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Live sync of {Ehr} started (dry run: {DryRun}, incremental: {Incremental})")]
    public static partial void Started(ILogger logger, string ehr, bool dryRun, bool incremental);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Live sync of {Ehr}: {Candidates} candidates ({Pending} pending from earlier runs)")]
    public static partial void Candidates(ILogger logger, string ehr, int candidates, int pending);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Live sync of {Ehr} finished: {Written} outcomes written, {Unchanged} unchanged, {Failed} patients failed, {Requests} requests, exit code {ExitCode}")]
    public static partial void Finished(ILogger logger, string ehr, int written, int unchanged, int failed, long requests, int exitCode);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Live sync of {Ehr} refused: the EHR lacks {Missing}")]
    public static partial void Refused(ILogger logger, string ehr, string missing);

    [LoggerMessage(EventId = 205, Level = LogLevel.Debug, Message = "Live sync of {Ehr}: patient {PatientId} wrote {Count} outcomes")]
    public static partial void PatientWritten(ILogger logger, string ehr, string patientId, int count);

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Live sync of {Ehr}: ResearchSubject write-back is enabled but the EHR lacks conditional update on ResearchSubject; writing outcomes only")]
    public static partial void ResearchSubjectUnsupported(ILogger logger, string ehr);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Live sync of {Ehr}: patient {PatientId}'s transaction (attempt {Attempt}) {Reason}; reconciling with the server before anything is sent again")]
    public static partial void WriteRetried(ILogger logger, string ehr, string patientId, int attempt, string reason);

    [LoggerMessage(EventId = 212, Level = LogLevel.Debug, Message = "Live sync of {Ehr}: patient {PatientId} reconciled with the server ({Findings} drift findings, {Duplicates} duplicated identifiers)")]
    public static partial void PatientReconciled(ILogger logger, string ehr, string patientId, int findings, int duplicates);

    [LoggerMessage(EventId = 213, Level = LogLevel.Information, Message = "Live sync of {Ehr}: drift scan ({Mode}) read {Outcomes} outcomes, {Suspects} patients to reconcile, {Parked} parked")]
    public static partial void DriftScanned(ILogger logger, string ehr, string mode, int outcomes, int suspects, int parked);

    [LoggerMessage(EventId = 214, Level = LogLevel.Warning, Message = "Live sync of {Ehr}: patient {PatientId} has {Count} outcome identifiers carried by several server resources ({Action}); fix them by hand, see the run report")]
    public static partial void DuplicateOutcomes(ILogger logger, string ehr, string patientId, int count, string action);

    [LoggerMessage(EventId = 215, Level = LogLevel.Warning, Message = "Live sync of {Ehr}: the EHR states no conditional create on Provenance; Provenances are created without If-None-Exist")]
    public static partial void NoConditionalProvenance(ILogger logger, string ehr);

    [LoggerMessage(EventId = 216, Level = LogLevel.Warning, Message = "Live sync of {Ehr}: {Count} outcomes were changed or deleted on the server by someone else (see the run report's serverDrift)")]
    public static partial void DriftFound(ILogger logger, string ehr, int count);

    [LoggerMessage(EventId = 217, Level = LogLevel.Warning, Message = "Live sync of {Ehr}: the EHR name now reaches another server ({Change}); every candidate is read and every outcome compared with it")]
    public static partial void ServerChanged(ILogger logger, string ehr, string change);

    [LoggerMessage(EventId = 218, Level = LogLevel.Information, Message = "Live sync of {Ehr}: Bulk export read ({Mode}, {Downloaded} files downloaded, {Reused} reused, {Scanned} resources scanned, {Candidates} candidates)")]
    public static partial void BulkExportRead(ILogger logger, string ehr, string mode, int downloaded, int reused, int scanned, int candidates);
}
