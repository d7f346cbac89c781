using Microsoft.Extensions.Logging;

namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>CDS client authentication's log messages: configured client names and reason categories, never a token or patient data.</summary>
internal static partial class CdsClientLog
{
    [LoggerMessage(EventId = 710, Level = LogLevel.Warning, Message = "CDS client token refused (client {Client}): {Reason}")]
    public static partial void TokenRefused(ILogger logger, string client, CdsTokenRejection reason);

    [LoggerMessage(EventId = 711, Level = LogLevel.Information, Message = "JWK Set of CDS client {Client} read: {Keys} signing key(s)")]
    public static partial void KeysRead(ILogger logger, string client, int keys);

    [LoggerMessage(EventId = 712, Level = LogLevel.Warning, Message = "JWK Set of CDS client {Client} could not be read ({Failure}); the keys read before stay in use")]
    public static partial void KeysUnreadable(ILogger logger, string client, string failure);
}
