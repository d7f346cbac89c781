using Microsoft.Extensions.Logging;

namespace Interop.Worker.Serve;

/// <summary>Schedule log events: targets, instants, types and statuses only, never patient data.</summary>
internal static partial class ServeLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Sync of {Target} starting ({Trigger})")]
    public static partial void RunStarting(ILogger logger, string target, string trigger);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Sync of {Target} completed: {Evaluated} patients evaluated, {Quarantined} records quarantined, exit code {ExitCode}")]
    public static partial void RunCompleted(ILogger logger, string target, int evaluated, int quarantined, int exitCode);

    // Only exception types whose messages are built from settings, statuses and issue codes are logged with their message.
    [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "Sync of {Target} failed ({ExceptionType}): {Reason}. The schedule goes on.")]
    public static partial void RunFailed(ILogger logger, string target, string exceptionType, string reason);

    // The message is left out on purpose: framework messages can quote the value that failed.
    [LoggerMessage(EventId = 403, Level = LogLevel.Critical, Message = "Sync of {Target} failed unexpectedly with {ExceptionType} at {StackTrace}. The schedule goes on.")]
    public static partial void RunFailedUnexpectedly(ILogger logger, string target, string exceptionType, string? stackTrace);

    [LoggerMessage(EventId = 404, Level = LogLevel.Warning, Message = "Sync of {Target} cancelled: the service is stopping")]
    public static partial void RunCancelled(ILogger logger, string target);

    [LoggerMessage(EventId = 405, Level = LogLevel.Information, Message = "Next sync of {Target} at {Due:O} (cron '{Cron}', zone {Zone})")]
    public static partial void NextRun(ILogger logger, string target, DateTimeOffset due, Cronos.CronExpression cron, string zone);

    [LoggerMessage(EventId = 406, Level = LogLevel.Warning, Message = "Scheduled sync of {Target} skipped: a sync of it is already running")]
    public static partial void ScheduledSkipped(ILogger logger, string target);

    [LoggerMessage(EventId = 407, Level = LogLevel.Information, Message = "Catching up {Target}: a scheduled run was missed since its last completed run started at {LastCompleted:O}")]
    public static partial void CatchingUp(ILogger logger, string target, DateTimeOffset lastCompleted);

    [LoggerMessage(EventId = 409, Level = LogLevel.Information, Message = "Catching up {Target}: it has no completed run yet")]
    public static partial void CatchingUpFirstRun(ILogger logger, string target);

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "Sync of {Target} refused: another process holds the EHR's run lease until {HeldUntil:O} (renewed while it runs)")]
    public static partial void RunRefusedByLease(ILogger logger, string target, DateTimeOffset heldUntil);

    [LoggerMessage(EventId = 411, Level = LogLevel.Information, Message = "Sync of {Target} will be tried again at {RetryAt:O}, when the run lease that refused it runs out")]
    public static partial void RetryingAfterLease(ILogger logger, string target, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 412, Level = LogLevel.Information, Message = "Marked {Count} runs abandoned: their process stopped without finishing them")]
    public static partial void RunsAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 408, Level = LogLevel.Warning, Message = "The schedule of {Target} has no further occurrence; it will not run again until restarted")]
    public static partial void NoNextOccurrence(ILogger logger, string target);

    // The message is left out on purpose, as for a failed run.
    [LoggerMessage(EventId = 420, Level = LogLevel.Critical, Message = "serve could not start: {ExceptionType} at {StackTrace}")]
    public static partial void StartFailed(ILogger logger, string exceptionType, string? stackTrace);
}
