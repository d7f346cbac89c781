using Microsoft.Extensions.Logging;

namespace Interop.Worker.Sync;

/// <summary>Sync log events: counts and statuses only, never patient data.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Sync started (dry run: {DryRun})")]
    public static partial void RunStarted(ILogger logger, bool dryRun);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "Sync finished: {Resources} resources read, {Screened} patients screened, {Evaluated} evaluated, {Withheld} withheld, {Quarantined} records quarantined, exit code {ExitCode}")]
    public static partial void RunFinished(ILogger logger, int resources, int screened, int evaluated, int withheld, int quarantined, int exitCode);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Configuration rejected: {Problem}")]
    public static partial void ConfigurationRejected(ILogger logger, string problem);

    // The exception's message is left out on purpose: framework messages can quote the value that failed.
    [LoggerMessage(EventId = 103, Level = LogLevel.Critical, Message = "Sync failed with {ExceptionType} at {StackTrace}")]
    public static partial void RunFailed(ILogger logger, string exceptionType, string? stackTrace);
}
