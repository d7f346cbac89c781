using Interop.Worker.Api;

namespace Interop.Worker.Dashboard;

/// <summary>
/// The dashboard's settings (<c>Api:Dashboard</c>): how long a browser session lasts, and where the keys that protect
/// its cookie are kept (so that a restart does not sign everyone out); and, with <c>Api:Jwt</c>, sign-in through the
/// identity provider (<c>Oidc</c>).
/// </summary>
internal sealed class DashboardOptions
{
    /// <summary>How long a signed-in session lasts without a request (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The folder of the data-protection keys that encrypt the session and antiforgery cookies; default: the folder
    /// <c>dashboard-keys</c> beside the SQLite state database (with PostgreSQL: in the working directory).
    /// </summary>
    public string? KeysFolder { get; set; }

    /// <summary>
    /// Signing in through the identity provider of <c>Api:Jwt</c> (OpenID Connect); null when not configured (API keys only).
    /// </summary>
    public DashboardOidcOptions? Oidc { get; set; }

    public IEnumerable<string> Validate(string path, ApiJwtOptions? jwt = null)
    {
        if (SessionLifetime < TimeSpan.FromMinutes(5) || SessionLifetime > TimeSpan.FromDays(7))
        {
            yield return $"{path}:{nameof(SessionLifetime)} must be between 00:05:00 and 7.00:00:00";
        }

        if (KeysFolder is not null && string.IsNullOrWhiteSpace(KeysFolder))
        {
            yield return $"{path}:{nameof(KeysFolder)} is empty";
        }

        foreach (var error in Oidc?.Validate($"{path}:{nameof(Oidc)}", jwt is not null) ?? [])
        {
            yield return error;
        }
    }
}
