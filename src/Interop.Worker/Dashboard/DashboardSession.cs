using System.Security.Claims;

namespace Interop.Worker.Dashboard;

/// <summary>
/// What the dashboard's cookie holds: a name and the API's roles, and for a session opened through the identity provider
/// a marker of that. Never a token: the provider's subject identifier (<c>sub</c>, opaque) is the name.
/// </summary>
internal static class DashboardSession
{
    /// <summary>The claim saying how the session was opened; absent for an API key (and for sessions older than it).</summary>
    public const string SignedInWithClaim = "interop:signed-in-with";

    public const string IdentityProvider = "identity-provider";

    /// <summary>A session for a person the identity provider vouched for, with the API's roles their role values grant.</summary>
    public static ClaimsPrincipal ForProviderUser(string subject, IEnumerable<string> roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, subject), new(SignedInWithClaim, IdentityProvider) };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, DashboardServices.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static bool IsProviderSession(ClaimsPrincipal? user) =>
        string.Equals(user?.FindFirst(SignedInWithClaim)?.Value, IdentityProvider, StringComparison.Ordinal);
}
