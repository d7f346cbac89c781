using Interop.Worker.Serve;
using Microsoft.Extensions.Logging;

namespace Interop.Worker.Api;

/// <summary>The API's log messages: caller names (configured key names or token subjects), targets and outcomes only.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Sync trigger by {Caller} for target {Target}: {Outcome}")]
    public static partial void RunTrigger(ILogger logger, string caller, string target, SyncTriggerOutcome outcome);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning,
        Message = "No API key, no JWT authority (section Api) and no trusted CDS client (section CdsHooks) is configured: every API and CDS Hooks request will be refused")]
    public static partial void NoCredentialsConfigured(ILogger logger);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning,
        Message = "Api:Urls: {Url} is plain http on an address other machines can reach: API keys, tokens and trial status would cross the network unencrypted. Use https (a Kestrel certificate) or a TLS-terminating reverse proxy in front of a loopback address")]
    public static partial void PlainHttpOffThisMachine(ILogger logger, string url);

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "CDS Hooks {Hook} request answered with {Cards} card(s)")]
    public static partial void CdsHooksAnswered(ILogger logger, string hook, int cards);
}
