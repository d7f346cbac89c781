using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>
/// Verifies a CDS client's JWT as the CDS Hooks 2.0 specification's "Trusting CDS Clients" asks: a trusted <c>iss</c>; the
/// <c>kid</c>'s key from that issuer's configured JWK Set (a <c>jku</c> only when it is that set's URL); an ES384, RS384,
/// ES256 or RS256 signature; <c>typ</c> JWT; <c>aud</c> the URL of the endpoint called; <c>exp</c> not past and at most
/// five minutes ahead, <c>iat</c> not ahead (both with <see cref="ClockSkew"/>); a <c>jti</c> not seen before; and the
/// configured <c>tenant</c> and <c>sub</c>, when set. Signature and claims are checked by Microsoft.IdentityModel.
/// </summary>
internal sealed class CdsClientTokenValidator(CdsTrustedClients clients, JtiReplayCache replays, TimeProvider time)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);
    public const int MaxJtiLength = 256;

    private static readonly string[] Algorithms =
        [SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The client's identity when <paramref name="token"/> is good for <paramref name="audience"/>, else why not.</summary>
    public async Task<CdsTokenValidation> ValidateAsync(string token, string audience, CancellationToken cancellationToken)
    {
        if (BearerToken.TryRead(token) is not { IsEncrypted: false } jwt)
        {
            return CdsTokenValidation.Refused(null, CdsTokenRejection.Malformed);
        }

        if (clients.ByIssuer(jwt.Issuer) is not { } client)
        {
            return CdsTokenValidation.Refused(null, CdsTokenRejection.UntrustedIssuer);
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return CdsTokenValidation.Refused(client, CdsTokenRejection.MissingKeyId);
        }

        if (jwt.TryGetHeaderValue<string>(JwtHeaderParameterNames.Jku, out var jku) && !client.AllowsJku(jku))
        {
            return CdsTokenValidation.Refused(client, CdsTokenRejection.UntrustedJwksUrl);
        }

        var keys = await client.Keys.FindAsync(jwt.Kid, cancellationToken);
        if (keys.Count == 0)
        {
            return CdsTokenValidation.Refused(client, CdsTokenRejection.UnknownKey);
        }

        var result = await _handler.ValidateTokenAsync(jwt, Parameters(client, audience, keys));
        if (!result.IsValid)
        {
            return CdsTokenValidation.Refused(client, Categorize(result.Exception));
        }

        return CheckCdsHooksClaims(client, jwt) is { } rejection
            ? CdsTokenValidation.Refused(client, rejection)
            : CdsTokenValidation.Accepted(client, Identity(client, jwt));
    }

    private static TokenValidationParameters Parameters(CdsTrustedClient client, string audience, IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = client.Options.Issuer,
        ValidAudience = audience,
        IssuerSigningKeys = keys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = Algorithms,
        ValidTypes = [JwtConstants.HeaderType],
        RequireSignedTokens = true,

        // exp, nbf and iat are checked below against the TimeProvider (the library reads the system clock).
        ValidateLifetime = false,
        ValidateIssuerSigningKey = false,
        SaveSigninToken = false,
    };

    /// <summary>What the token library is not asked to check: exp (and its five-minute cap), nbf, iat, jti (once), tenant and sub.</summary>
    private CdsTokenRejection? CheckCdsHooksClaims(CdsTrustedClient client, JsonWebToken jwt)
    {
        var now = time.GetUtcNow();
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _))
        {
            return CdsTokenRejection.Expired;
        }

        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (expires <= now - ClockSkew)
        {
            return CdsTokenRejection.Expired;
        }

        if (expires > now + MaxLifetime + ClockSkew)
        {
            return CdsTokenRejection.LifetimeTooLong;
        }

        if (jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out _) && new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero) > now + ClockSkew)
        {
            return CdsTokenRejection.NotYetValid;
        }

        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out _)
            || new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero) > now + ClockSkew)
        {
            return CdsTokenRejection.NotYetValid;
        }

        if (client.Options.Tenant is { } tenant
            && !(jwt.TryGetPayloadValue<string>("tenant", out var presentedTenant) && presentedTenant == tenant))
        {
            return CdsTokenRejection.WrongTenant;
        }

        if (client.Options.Subject is { } subject && jwt.Subject != subject)
        {
            return CdsTokenRejection.WrongSubject;
        }

        var jti = jwt.Id;
        if (string.IsNullOrEmpty(jti) || jti.Length > MaxJtiLength)
        {
            return CdsTokenRejection.MissingOrLongJti;
        }

        // Last, so that only a token good in every other respect uses up its jti.
        return replays.TryRemember(client.Options.Issuer!, jti, expires + ClockSkew) switch
        {
            JtiReplayCache.Outcome.Remembered => null,
            JtiReplayCache.Outcome.Replayed => CdsTokenRejection.Replayed,
            _ => CdsTokenRejection.ReplayCacheFull,
        };
    }

    private static CdsTokenRejection Categorize(Exception? failure) => failure switch
    {
        SecurityTokenInvalidAudienceException => CdsTokenRejection.WrongAudience,
        SecurityTokenInvalidAlgorithmException => CdsTokenRejection.DisallowedAlgorithm,
        SecurityTokenInvalidTypeException => CdsTokenRejection.WrongType,
        SecurityTokenInvalidIssuerException => CdsTokenRejection.UntrustedIssuer,
        SecurityTokenSignatureKeyNotFoundException => CdsTokenRejection.UnknownKey,
        SecurityTokenInvalidSignatureException => CdsTokenRejection.BadSignature,
        SecurityTokenMalformedException => CdsTokenRejection.Malformed,
        _ => CdsTokenRejection.Invalid,
    };

    /// <summary>The client's configured name and the CDS client role; the issuer, sub and tenant as claims (never patient data).</summary>
    private static ClaimsIdentity Identity(CdsTrustedClient client, JsonWebToken jwt)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.Name, client.Name),
            new(ClaimTypes.Role, Api.ApiRoles.CdsClient),
            new(JwtRegisteredClaimNames.Iss, jwt.Issuer),
        ];
        if (!string.IsNullOrEmpty(jwt.Subject))
        {
            claims.Add(new Claim(JwtRegisteredClaimNames.Sub, jwt.Subject));
        }

        if (jwt.TryGetPayloadValue<string>("tenant", out var tenant) && !string.IsNullOrEmpty(tenant))
        {
            claims.Add(new Claim("tenant", tenant));
        }

        return new ClaimsIdentity(claims, CdsClientAuthenticationHandler.SchemeName, ClaimTypes.Name, ClaimTypes.Role);
    }
}

/// <summary>The outcome of <see cref="CdsClientTokenValidator.ValidateAsync"/>.</summary>
internal sealed record CdsTokenValidation(CdsTrustedClient? Client, ClaimsIdentity? Identity, CdsTokenRejection? Rejection)
{
    public static CdsTokenValidation Accepted(CdsTrustedClient client, ClaimsIdentity identity) => new(client, identity, null);

    public static CdsTokenValidation Refused(CdsTrustedClient? client, CdsTokenRejection rejection) => new(client, null, rejection);
}
