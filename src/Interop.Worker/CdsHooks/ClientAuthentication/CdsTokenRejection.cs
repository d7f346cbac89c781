namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>Why a CDS client's token was refused: a category for logs and the <c>WWW-Authenticate</c> answer, never the token's content.</summary>
internal enum CdsTokenRejection
{
    /// <summary>Not a signed JWT (JWS compact serialization).</summary>
    Malformed,

    /// <summary>Its <c>iss</c> is no trusted client's.</summary>
    UntrustedIssuer,

    /// <summary>The header has no <c>kid</c>.</summary>
    MissingKeyId,

    /// <summary>The header's <c>jku</c> is not the client's configured JWK Set URL.</summary>
    UntrustedJwksUrl,

    /// <summary>The client's JWK Set has no signing key with the token's <c>kid</c> (or could not be read).</summary>
    UnknownKey,

    /// <summary>The signature does not verify with the client's key.</summary>
    BadSignature,

    /// <summary>Signed with an algorithm other than ES256, ES384, RS256 or RS384.</summary>
    DisallowedAlgorithm,

    /// <summary>The header's <c>typ</c> is not <c>JWT</c>.</summary>
    WrongType,

    /// <summary>Its <c>aud</c> is not the URL of the endpoint called.</summary>
    WrongAudience,

    /// <summary>Past its <c>exp</c>, or without one.</summary>
    Expired,

    /// <summary>Its <c>exp</c> is more than five minutes ahead.</summary>
    LifetimeTooLong,

    /// <summary>Issued (<c>iat</c>) or valid (<c>nbf</c>) only in the future, or without <c>iat</c>.</summary>
    NotYetValid,

    /// <summary>No <c>jti</c>, or one longer than the service keeps.</summary>
    MissingOrLongJti,

    /// <summary>Its <c>jti</c> was seen before from this issuer.</summary>
    Replayed,

    /// <summary>Too many tokens in the replay window to remember another: refused rather than unchecked.</summary>
    ReplayCacheFull,

    /// <summary>Its <c>tenant</c> is not the client's configured tenant.</summary>
    WrongTenant,

    /// <summary>Its <c>sub</c> is not the client's configured subject.</summary>
    WrongSubject,

    /// <summary>Refused by the token library for another reason.</summary>
    Invalid,
}

/// <summary>The words for each <see cref="CdsTokenRejection"/>, safe to send to the caller.</summary>
internal static class CdsTokenRejections
{
    public static string Describe(this CdsTokenRejection rejection) => rejection switch
    {
        CdsTokenRejection.Malformed => "the bearer token is not a signed JWT",
        CdsTokenRejection.UntrustedIssuer => "the issuer is not a trusted CDS client",
        CdsTokenRejection.MissingKeyId => "the token header has no kid",
        CdsTokenRejection.UntrustedJwksUrl => "the jku is not the JWK Set URL configured for this issuer",
        CdsTokenRejection.UnknownKey => "no key with this kid in the issuer's JWK Set",
        CdsTokenRejection.BadSignature => "the signature does not verify",
        CdsTokenRejection.DisallowedAlgorithm => "the signing algorithm is not accepted (ES384, RS384, ES256, RS256)",
        CdsTokenRejection.WrongType => "the token header's typ is not JWT",
        CdsTokenRejection.WrongAudience => "the audience is not this endpoint's URL",
        CdsTokenRejection.Expired => "the token has expired or has no exp",
        CdsTokenRejection.LifetimeTooLong => "the token expires more than five minutes ahead",
        CdsTokenRejection.NotYetValid => "the token is not valid yet or has no iat",
        CdsTokenRejection.MissingOrLongJti => "the token has no jti or one longer than 256 characters",
        CdsTokenRejection.Replayed => "the jti was already used",
        CdsTokenRejection.ReplayCacheFull => "too many tokens in the replay window; try again shortly",
        CdsTokenRejection.WrongTenant => "the tenant is not the one configured for this issuer",
        CdsTokenRejection.WrongSubject => "the sub is not the one configured for this issuer",
        _ => "the token is invalid",
    };
}
