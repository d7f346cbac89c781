using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Ehr.Auth;

/// <summary>
/// The private_key_jwt client assertion of SMART Backend Services: iss = sub = client id, aud = the token
/// endpoint, exp = now + 5 minutes (the spec's maximum), a random jti, and the key's kid in the header.
/// </summary>
internal static class SmartClientAssertion
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Create(string clientId, string tokenEndpoint, SigningCredentials credentials, DateTimeOffset now)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = tokenEndpoint,
            IssuedAt = now.UtcDateTime,
            Expires = now.Add(Lifetime).UtcDateTime,
            TokenType = "JWT",
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [JwtRegisteredClaimNames.Sub] = clientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = credentials,
        };
        return Handler.CreateToken(descriptor);
    }
}
