using System.Text.Json.Serialization;
using Refit;

namespace Interop.Ehr.Auth;

/// <summary>
/// <c>GET [base]/.well-known/smart-configuration</c>: where the EHR's token endpoint is (SMART App Launch
/// 2.x, "Conformance"). Sent only when <c>Auth:TokenEndpoint</c> is not configured, without credentials.
/// </summary>
[Headers("Accept: application/json")]
public interface ISmartConfigurationApi
{
    /// <summary>The SMART configuration document of the FHIR base URL.</summary>
    [Get("/.well-known/smart-configuration")]
    Task<SmartConfiguration> GetAsync(CancellationToken cancellationToken);
}

/// <summary>
/// <c>POST {token_endpoint}</c>, form-url-encoded: the SMART Backend Services access-token request
/// (client_credentials grant authenticated by a signed JWT assertion, RFC 7523).
/// </summary>
[Headers("Accept: application/json")]
public interface ISmartTokenApi
{
    /// <summary>Requests an access token. The assertion is single-use (random <c>jti</c>, 5-minute expiry).</summary>
    [Post("")]
    Task<SmartTokenResponse> RequestTokenAsync(
        [Url] Uri tokenEndpoint,
        [Body(BodySerializationMethod.UrlEncoded)] SmartTokenRequest request,
        CancellationToken cancellationToken);
}

/// <summary>The parts of <c>.well-known/smart-configuration</c> the adapter reads.</summary>
public sealed record SmartConfiguration(
    [property: JsonPropertyName("token_endpoint")] string? TokenEndpoint,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string>? TokenEndpointAuthMethodsSupported,
    [property: JsonPropertyName("token_endpoint_auth_signing_alg_values_supported")] IReadOnlyList<string>? TokenEndpointAuthSigningAlgValuesSupported);

/// <summary>The form fields of a Backend Services token request.</summary>
public sealed class SmartTokenRequest
{
    /// <summary>Always <c>client_credentials</c>.</summary>
    [AliasAs("grant_type")]
    public string GrantType { get; init; } = "client_credentials";

    /// <summary>The space-separated scopes asked for.</summary>
    [AliasAs("scope")]
    public required string Scope { get; init; }

    /// <summary>Always <c>urn:ietf:params:oauth:client-assertion-type:jwt-bearer</c>.</summary>
    [AliasAs("client_assertion_type")]
    public string ClientAssertionType { get; init; } = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>The signed JWT (iss = sub = client id, aud = token endpoint).</summary>
    [AliasAs("client_assertion")]
    public required string ClientAssertion { get; init; }
}

/// <summary>The token endpoint's answer.</summary>
public sealed record SmartTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope);
