using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Worker.Tests.CdsHooks;

/// <summary>
/// A CDS client (an EHR) as the CDS Hooks 2.0 specification's "Trusting CDS Clients" describes it: a key pair generated
/// per test run (ES384 or RS384), its public JWK Set, and JWTs signed with it (header alg, kid, typ JWT; payload iss, aud,
/// exp, iat, jti, and sub and tenant).
/// </summary>
internal sealed class CdsClientSigner : IDisposable
{
    private readonly AsymmetricAlgorithm _key;
    private readonly SecurityKey _signingKey;
    private readonly string _algorithm;

    private CdsClientSigner(string issuer, string keyId, AsymmetricAlgorithm key, SecurityKey signingKey, string algorithm)
    {
        Issuer = issuer;
        KeyId = keyId;
        _key = key;
        _signingKey = signingKey;
        _algorithm = algorithm;
    }

    public string Issuer { get; }

    public string KeyId { get; }

    public static CdsClientSigner Es384(string issuer, string keyId)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return new CdsClientSigner(issuer, keyId, key, new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha384);
    }

    public static CdsClientSigner Rs384(string issuer, string keyId)
    {
        var key = RSA.Create(2048);
        return new CdsClientSigner(issuer, keyId, key, new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha384);
    }

    /// <summary>The public JWK Set (RFC 7517) holding this signer's key and those of <paramref name="others"/>.</summary>
    public string Jwks(params CdsClientSigner[] others) =>
        new JsonObject { ["keys"] = new JsonArray([PublicJwk(), .. others.Select(o => o.PublicJwk())]) }.ToJsonString();

    /// <summary>A token for <paramref name="audience"/> issued at <paramref name="now"/>, valid five minutes; <paramref name="change"/> alters it.</summary>
    public string Create(string audience, DateTimeOffset now, Action<SecurityTokenDescriptor>? change = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            Expires = now.AddMinutes(5).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString(),
                [JwtRegisteredClaimNames.Sub] = "interop-cds-client",
                ["tenant"] = "hospital-a",
            },
            SigningCredentials = new SigningCredentials(_signingKey, _algorithm),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose() => _key.Dispose();

    private JsonObject PublicJwk()
    {
        var jwk = new JsonObject { ["kid"] = KeyId, ["use"] = "sig", ["alg"] = _algorithm };
        if (_key is ECDsa ec)
        {
            var p = ec.ExportParameters(includePrivateParameters: false);
            jwk["kty"] = "EC";
            jwk["crv"] = "P-384";
            jwk["x"] = Base64UrlEncoder.Encode(p.Q.X);
            jwk["y"] = Base64UrlEncoder.Encode(p.Q.Y);
        }
        else
        {
            var p = ((RSA)_key).ExportParameters(includePrivateParameters: false);
            jwk["kty"] = "RSA";
            jwk["n"] = Base64UrlEncoder.Encode(p.Modulus);
            jwk["e"] = Base64UrlEncoder.Encode(p.Exponent);
        }

        return jwk;
    }
}
