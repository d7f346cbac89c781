using Microsoft.Extensions.Logging;

namespace Interop.Sync.Lease;

/// <summary>Run lease log events: targets, run ids, instants and exception types only.</summary>
internal static partial class RunLeaseLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "Run {RunId} of {Target} lost its run lease to another holder; it stops before its next write")]
    public static partial void Lost(ILogger logger, string target, Guid runId);

    // The exception's type only: a database message can quote a connection string.
    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Run {RunId} of {Target}: renewing its lease failed ({ExceptionType}); trying again at the next beat")]
    public static partial void RenewalFailed(ILogger logger, string target, Guid runId, string exceptionType);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Run {RunId} of {Target}: releasing its run lease failed ({ExceptionType}); it runs out by itself")]
    public static partial void ReleaseFailed(ILogger logger, string target, Guid runId, string exceptionType);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Sync of {Target} refused: another run holds its run lease until {HeldUntil:O}")]
    public static partial void Refused(ILogger logger, string target, DateTimeOffset heldUntil);
}
