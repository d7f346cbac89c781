using Microsoft.Extensions.DependencyInjection;

namespace Interop.Ehr.Auth;

/// <summary>The lifecycle of an EHR's SMART Backend Services access token, for health checks: instants only, never the token.</summary>
/// <param name="IssuedAt">When the current token was issued; null before the first.</param>
/// <param name="ExpiresAt">When the current token expires (it is renewed on demand a minute before); null before the first.</param>
/// <param name="LastFailedAt">When a token request last failed (endpoint unreachable, refused, malformed answer); null if none has.</param>
public sealed record EhrTokenState(DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastFailedAt)
{
    /// <summary>Whether the latest token request failed (no token was issued after the last failure).</summary>
    public bool LastRequestFailed => LastFailedAt is { } failed && (IssuedAt is not { } issued || failed >= issued);
}

/// <summary>Reads the token state of a registered EHR connection.</summary>
public static class EhrTokenStatus
{
    /// <summary>The SMART token state of the EHR named <paramref name="ehrName"/>, or null when it uses no SMART Backend Services token.</summary>
    public static EhrTokenState? Get(IServiceProvider services, string ehrName) =>
        services.GetKeyedService<IAccessTokenSource>(ehrName) is SmartBackendTokenSource smart ? smart.State : null;
}
