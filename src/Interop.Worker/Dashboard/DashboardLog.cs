using Microsoft.Extensions.Logging;

namespace Interop.Worker.Dashboard;

/// <summary>
/// The dashboard's log events (800-range): who signed in, by key name (never the key); for the identity provider, the
/// roles granted and why a sign-in failed, never a token, a claim's value or the provider's error text.
/// </summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "Dashboard session opened with the API key {KeyName}")]
    public static partial void SignedIn(ILogger logger, string keyName);

    [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "Dashboard sign-in refused: the key is not recognised")]
    public static partial void SignInRefused(ILogger logger);

    [LoggerMessage(EventId = 803, Level = LogLevel.Information, Message = "Dashboard session opened through the identity provider with the role {Role}")]
    public static partial void ProviderSignedIn(ILogger logger, string role);

    [LoggerMessage(EventId = 804, Level = LogLevel.Warning, Message = "Dashboard sign-in through the identity provider refused: the person's role values grant neither read nor operate")]
    public static partial void ProviderSignInRefusedNoRole(ILogger logger);

    [LoggerMessage(EventId = 805, Level = LogLevel.Warning, Message = "Dashboard sign-in through the identity provider failed ({FailureType})")]
    public static partial void ProviderSignInFailed(ILogger logger, string failureType);

    [LoggerMessage(EventId = 806, Level = LogLevel.Warning, Message = "The identity provider's metadata could not be read at sign-out ({FailureType}): signed out here only")]
    public static partial void ProviderMetadataUnavailable(ILogger logger, string failureType);
}
