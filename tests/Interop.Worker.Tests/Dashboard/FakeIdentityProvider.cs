using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Worker.Tests.Dashboard;

/// <summary>
/// An OpenID Connect provider on 127.0.0.1 (plain http, as allowed on loopback): discovery, a JWK Set of an RSA key made
/// per run, an authorize endpoint that signs the next person in at once (no login page) and sends the browser back with
/// a code, a token endpoint that checks the client secret and the PKCE verifier against the challenge and answers an
/// id_token (RS256) carrying the nonce it was given, and an end-session endpoint.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "interop-dashboard";
    public const string ClientSecret = "fake-provider-client-secret-for-tests";
    public const string Subject = "staff-7f3a9c";
    public const string KeyId = "fake-provider-key";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <summary>
    /// The issuer and authority, e.g. <c>http://localhost:40123</c> (no trailing slash): addressed as <c>localhost</c>,
    /// another site than the service on <c>127.0.0.1</c>, so that a browser treats the sign-in as cross-site, as it is.
    /// </summary>
    public string Authority { get; private set; } = string.Empty;

    /// <summary>The role values (claim <c>groups</c>) of the next person to sign in.</summary>
    public IReadOnlyList<string> NextGroups { get; set; } = ["interop-readers"];

    /// <summary>
    /// Whether the authorize endpoint answers a page with an "Approve" link (a person signing in, in a browser) instead of
    /// redirecting at once: the way back then starts on the provider's site, as it does in life.
    /// </summary>
    public bool ShowsApprovalPage { get; set; }

    /// <summary>When set, the id_token carries this nonce instead of the one the client sent.</summary>
    public string? NonceOverride { get; set; }

    /// <summary>The id_tokens issued, to check none is kept by the client.</summary>
    public ConcurrentQueue<string> IssuedIdTokens { get; } = new();

    /// <summary>The token requests refused (wrong secret, verifier or code).</summary>
    public ConcurrentQueue<string> RefusedTokenRequests { get; } = new();

    /// <summary>The end-session requests' query strings.</summary>
    public ConcurrentQueue<QueryString> EndSessionRequests { get; } = new();

    private sealed record Grant(string Nonce, string Challenge, string RedirectUri, IReadOnlyList<string> Groups);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Jwks);
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        _app.MapGet("/logout", EndSession);
        await _app.StartAsync();
        Authority = new UriBuilder(_app.Urls.Single()) { Host = "localhost" }.Uri.GetLeftPart(UriPartial.Authority);
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = $"{Authority}/authorize",
        ["token_endpoint"] = $"{Authority}/token",
        ["jwks_uri"] = $"{Authority}/jwks",
        ["end_session_endpoint"] = $"{Authority}/logout",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
    });

    private IResult Jwks()
    {
        var key = _rsa.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["nonce"]) || string.IsNullOrEmpty(query["state"]))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _grants[code] = new Grant(query["nonce"]!, query["code_challenge"]!, query["redirect_uri"]!, NextGroups);
        var back = $"{query["redirect_uri"]}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"]!)}";
        return ShowsApprovalPage
            ? Results.Content($"<!DOCTYPE html><title>Fake provider</title><a id=\"approve\" href=\"{System.Net.WebUtility.HtmlEncode(back)}\">Approve</a>", "text/html")
            : Results.Redirect(back);
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Refuse("invalid_client");
        }

        // A code is good once.
        if (!_grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri)
        {
            return Refuse("invalid_grant: code");
        }

        var verifier = form["code_verifier"].ToString();
        if (verifier.Length < 43 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
        {
            return Refuse("invalid_grant: code_verifier");
        }

        var accessToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var idToken = IdToken(NonceOverride ?? grant.Nonce, grant.Groups, accessToken);
        IssuedIdTokens.Enqueue(idToken);
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private IResult Refuse(string why)
    {
        RefusedTokenRequests.Enqueue(why);
        return Results.Json(new { error = why.Split(':')[0] }, statusCode: StatusCodes.Status400BadRequest);
    }

    private IResult EndSession(HttpRequest request)
    {
        EndSessionRequests.Enqueue(request.QueryString);
        var back = request.Query["post_logout_redirect_uri"].ToString();
        return string.IsNullOrEmpty(back) ? Results.Ok() : Results.Redirect($"{back}?state={Uri.EscapeDataString(request.Query["state"].ToString())}");
    }

    private string IdToken(string nonce, IReadOnlyList<string> groups, string accessToken)
    {
        var now = DateTime.UtcNow;
        var atHash = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Subject = new ClaimsIdentity([new Claim("sub", Subject)]),
            Claims = new Dictionary<string, object> { ["nonce"] = nonce, ["groups"] = groups.ToArray(), ["at_hash"] = atHash, ["name"] = "Dr. Ward Staff" },
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _rsa.Dispose();
    }
}
