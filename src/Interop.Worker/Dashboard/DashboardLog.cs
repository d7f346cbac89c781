using Microsoft.Extensions.Logging;

namespace Interop.Worker.Dashboard;

/// <summary>The dashboard's log events (800-range): who signed in, by key name; never the key.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "Dashboard session opened with the API key {KeyName}")]
    public static partial void SignedIn(ILogger logger, string keyName);

    [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "Dashboard sign-in refused: the key is not recognised")]
    public static partial void SignInRefused(ILogger logger);
}
