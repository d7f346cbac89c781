using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Api;

/// <summary>
/// The configured API keys (by SHA-256), shared by the <c>X-API-Key</c> handler and the dashboard's sign-in. Every
/// configured hash is compared in constant time (no early exit), so neither the match nor its position leaks through timing.
/// </summary>
internal sealed class ApiKeyRegistry(IOptions<ApiOptions> api)
{
    private readonly IReadOnlyList<(string Name, string Role, byte[] Hash)> _keys =
        [.. api.Value.Keys.Select(k => (k.Key, k.Value.Role!, Convert.FromHexString(k.Value.Sha256!)))];

    /// <summary>The key's name and role, or null when <paramref name="key"/> is not a configured key.</summary>
    public (string Name, string Role)? Match(string key)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        (string Name, string Role)? match = null;
        foreach (var configured in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, configured.Hash))
            {
                match = (configured.Name, configured.Role);
            }
        }

        return match;
    }

    /// <summary>Whether a key of this name is still configured with this role (a signed-in session outlives neither).</summary>
    public bool IsCurrent(string? name, string? role) =>
        _keys.Any(k => string.Equals(k.Name, name, StringComparison.Ordinal) && string.Equals(k.Role, role, StringComparison.Ordinal));

    /// <summary>An identity of the key's name and role, for <paramref name="scheme"/>.</summary>
    public static ClaimsIdentity Identity(string name, string role, string scheme) =>
        new([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], scheme, ClaimTypes.Name, ClaimTypes.Role);
}
