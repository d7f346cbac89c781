using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Worker.Tests.Api;

/// <summary>JWTs as the hospital's identity provider would issue them, signed by a key generated per test run.</summary>
internal static class TestTokens
{
    public const string Issuer = "https://idp.hospital.test/";
    public const string Audience = "interop-api";

    public static readonly SecurityKey SigningKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "test-key" };

    public static string Create(string[] groups, SecurityKey? key = null, string audience = Audience, DateTime? expires = null)
    {
        var claims = new Dictionary<string, object> { ["groups"] = groups };
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "ehr-service-account")]),
            Claims = claims,
            IssuedAt = now.AddMinutes(-10),
            NotBefore = now.AddMinutes(-10),
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
