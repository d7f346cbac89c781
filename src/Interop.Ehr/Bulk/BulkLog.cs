using Microsoft.Extensions.Logging;

namespace Interop.Ehr.Bulk;

/// <summary>The Bulk Data client's log lines: statuses, counts, types and the server's progress text (checked to be plain), never a URL's query or file content.</summary>
internal static partial class BulkLog
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "EHR {Ehr}: Bulk Data export kicked off at {Level} level for {Types} (since sent: {Since}, type filters sent: {TypeFilter})")]
    public static partial void KickedOff(ILogger logger, string ehr, BulkExportLevel level, string types, bool since, bool typeFilter);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "EHR {Ehr}: Bulk Data export in progress ({Progress}); next poll in {DelaySeconds:0.#} s")]
    public static partial void InProgress(ILogger logger, string ehr, string progress, double delaySeconds);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "EHR {Ehr}: Bulk Data status poll answered {StatusCode}; next poll in {DelaySeconds:0.#} s")]
    public static partial void Throttled(ILogger logger, string ehr, int statusCode, double delaySeconds);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Information, Message = "EHR {Ehr}: Bulk Data export complete: {Output} output, {Deleted} deleted and {Error} error files")]
    public static partial void Complete(ILogger logger, string ehr, int output, int deleted, int error);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Information, Message = "EHR {Ehr}: Bulk Data {Kind} file {Number} ({Type}) downloaded: {Bytes} bytes{Compressed}")]
    public static partial void Downloaded(ILogger logger, string ehr, BulkFileKind kind, int number, string type, long bytes, string compressed);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Warning, Message = "EHR {Ehr}: Bulk Data {Kind} file {Number} broke off ({Error}); attempt {Attempt} of {Attempts}")]
    public static partial void DownloadBroke(ILogger logger, string ehr, BulkFileKind kind, int number, string error, int attempt, int attempts);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Information, Message = "EHR {Ehr}: Bulk Data export cancelled on the server (DELETE answered {StatusCode})")]
    public static partial void Cancelled(ILogger logger, string ehr, int statusCode);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Information, Message = "EHR {Ehr}: resuming the saved Bulk Data export ({Fetched} files already downloaded)")]
    public static partial void Resuming(ILogger logger, string ehr, int fetched);

    [LoggerMessage(EventId = 3209, Level = LogLevel.Warning, Message = "EHR {Ehr}: the server no longer knows the saved Bulk Data export; starting a new one")]
    public static partial void JobForgotten(ILogger logger, string ehr);

    [LoggerMessage(EventId = 3210, Level = LogLevel.Warning, Message = "EHR {Ehr}: the server does not export {Types}; they are read by REST for the candidates")]
    public static partial void TypesByRest(ILogger logger, string ehr, string types);

    [LoggerMessage(EventId = 3211, Level = LogLevel.Warning, Message = "EHR {Ehr}: cancelling the Bulk Data export on stop failed ({Error})")]
    public static partial void CancelFailed(ILogger logger, string ehr, string error);
}
