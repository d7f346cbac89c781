using Microsoft.IdentityModel.Tokens;

namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>Reads a JWK Set (RFC 7517) into the keys that may verify signatures: those with a <c>kid</c> and no other use than <c>sig</c>.</summary>
internal static class JwksDocument
{
    /// <exception cref="ArgumentException">The text is not a JWK Set.</exception>
    public static IReadOnlyList<SecurityKey> SigningKeys(string json)
    {
        var set = new JsonWebKeySet(json);
        return [.. set.Keys.Where(k => !string.IsNullOrEmpty(k.Kid) && (k.Use is null || k.Use == JsonWebKeyUseNames.Sig))];
    }
}
