using Microsoft.Extensions.Logging;

namespace Interop.Sync.Pipeline;

/// <summary>The pipeline's per-patient log lines: the target, an opaque patient id and a reason of our own vocabulary.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Sync of {Target}: patient {PatientId} failed ({Reason}, {ExceptionType}); queued for the next run")]
    public static partial void PatientFailed(ILogger logger, string target, string patientId, string reason, string exceptionType);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Sync of {Target}: patient {PatientId} withheld ({Reason})")]
    public static partial void PatientWithheld(ILogger logger, string target, string patientId, string reason);
}
