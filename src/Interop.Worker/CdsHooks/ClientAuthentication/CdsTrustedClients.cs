using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>The configured trusted CDS clients by issuer, each with its key cache.</summary>
internal sealed class CdsTrustedClients : IDisposable
{
    private readonly Dictionary<string, CdsTrustedClient> _byIssuer;

    public CdsTrustedClients(IOptions<CdsHooksOptions> options, IHttpClientFactory http, TimeProvider time, ILoggerFactory logs)
    {
        var logger = logs.CreateLogger(typeof(CdsClientLog).FullName!);
        _byIssuer = options.Value.TrustedClients.ToDictionary(
            c => c.Value.Issuer!,
            c => new CdsTrustedClient(c.Key, c.Value, new CdsClientKeys(c.Key, c.Value, http, time, logger)),
            StringComparer.Ordinal);
    }

    public void Dispose()
    {
        foreach (var client in _byIssuer.Values)
        {
            client.Keys.Dispose();
        }
    }

    public bool Any => _byIssuer.Count > 0;

    public CdsTrustedClient? ByIssuer(string issuer) => _byIssuer.GetValueOrDefault(issuer);

    /// <summary>
    /// Whether <paramref name="authorization"/> is <c>Bearer</c> with a JWT whose (not yet verified) <c>iss</c> is a
    /// trusted client's: such a request is authenticated as a CDS client, every other bearer token as the identity provider's.
    /// </summary>
    public bool IsFromTrustedIssuer(string? authorization) =>
        Any && BearerToken.Of(authorization) is { } token && BearerToken.TryRead(token) is { } jwt && _byIssuer.ContainsKey(jwt.Issuer);
}

/// <summary>One trusted client: its configured name (the caller in logs), settings and keys.</summary>
internal sealed record CdsTrustedClient(string Name, CdsTrustedClientOptions Options, CdsClientKeys Keys)
{
    /// <summary>Whether a token's <c>jku</c> header may be accepted: only the client's own configured JWK Set URL.</summary>
    public bool AllowsJku(string jku) =>
        Options.JwksUrl is { } configured && Uri.TryCreate(jku, UriKind.Absolute, out var presented)
        && Uri.TryCreate(configured, UriKind.Absolute, out var expected) && Uri.Compare(
            presented, expected, UriComponents.AbsoluteUri, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;
}

/// <summary>The token of an <c>Authorization: Bearer</c> header, and reading it without verifying anything.</summary>
internal static class BearerToken
{
    public static string? Of(string? authorization) =>
        authorization is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value.Length > 7
            ? value[7..].Trim()
            : null;

    /// <summary>The parsed (not verified) JWT, or null when the text is not a JWS compact token.</summary>
    public static JsonWebToken? TryRead(string token)
    {
        try
        {
            return new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
