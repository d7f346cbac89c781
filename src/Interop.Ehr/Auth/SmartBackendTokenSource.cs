using Interop.Ehr.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Ehr.Auth;

/// <summary>
/// SMART Backend Services access tokens for one EHR: the token endpoint from configuration or from
/// <c>.well-known/smart-configuration</c>, a fresh signed assertion per token request, and the token
/// cached until 60 s before it expires (by <see cref="TimeProvider"/>). One request at a time: callers
/// waiting for a token share the one that arrives.
/// </summary>
internal sealed partial class SmartBackendTokenSource(
    EhrConnectionOptions options,
    string name,
    ISmartConfigurationApi configurationApi,
    ISmartTokenApi tokenApi,
    TimeProvider timeProvider,
    ILogger<SmartBackendTokenSource> logger) : IAccessTokenSource, IDisposable
{
    /// <summary>Refresh this long before expiry, so a token never expires in flight.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    /// <summary>Assumed lifetime when the server omits expires_in (SMART recommends at most 5 minutes).</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _section = EhrConnectionOptions.SectionFor(name) + ":Auth";
    private CachedToken? _cached;
    private EhrTokenState _state = new(null, null, null);
    private Uri? _tokenEndpoint;
    private SigningCredentials? _credentials;
    private IDisposable? _key;

    /// <summary>When the current token was issued and expires, and when a token request last failed.</summary>
    public EhrTokenState State => Volatile.Read(ref _state);

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _cached)) is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_cached) is { } waited)
            {
                return waited;
            }

            CachedToken cached;
            try
            {
                cached = await RequestTokenAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                Volatile.Write(ref _state, _state with { LastFailedAt = timeProvider.GetUtcNow() });
                throw;
            }

            Volatile.Write(ref _cached, cached);
            Volatile.Write(ref _state, _state with { IssuedAt = cached.IssuedAt, ExpiresAt = cached.ExpiresAt });
            return cached.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(string token)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && string.Equals(cached.Token, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
            LogTokenRefused(logger, name);
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _key?.Dispose();
    }

    private string? Fresh(CachedToken? cached) =>
        cached is not null && timeProvider.GetUtcNow() < cached.RefreshAt ? cached.Token : null;

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var endpoint = _tokenEndpoint ??= await DiscoverTokenEndpointAsync(cancellationToken);
        if (_credentials is null)
        {
            (_credentials, _key) = await SigningKeyLoader.LoadAsync(options.Auth, _section, cancellationToken);
        }

        var now = timeProvider.GetUtcNow();
        var assertion = SmartClientAssertion.Create(options.Auth.ClientId!, endpoint.OriginalString, _credentials, now);
        var response = await tokenApi.RequestTokenAsync(
            endpoint,
            new SmartTokenRequest { Scope = options.Auth.Scopes, ClientAssertion = assertion },
            cancellationToken);

        if (string.IsNullOrEmpty(response.AccessToken) || !string.Equals(response.TokenType, "bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new EhrAuthenticationException($"The SMART token endpoint answered without a bearer access token ({_section}).");
        }

        var lifetime = response.ExpiresIn is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : DefaultLifetime;
        var refreshIn = lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2;
        LogTokenIssued(logger, name, (int)lifetime.TotalSeconds, response.Scope ?? "(as requested)");
        return new CachedToken(response.AccessToken, now + refreshIn, now, now + lifetime);
    }

    private async Task<Uri> DiscoverTokenEndpointAsync(CancellationToken cancellationToken)
    {
        if (options.Auth.TokenEndpoint is { } configured)
        {
            return configured;
        }

        var configuration = await configurationApi.GetAsync(cancellationToken);
        if (!Uri.TryCreate(configuration.TokenEndpoint, UriKind.Absolute, out var endpoint))
        {
            throw new EhrAuthenticationException($"The EHR's .well-known/smart-configuration names no token_endpoint; set {_section}:TokenEndpoint.");
        }

        if (!options.IsAllowedTransport(endpoint))
        {
            throw new EhrAuthenticationException($"The EHR's SMART token_endpoint is plain http to a host that is not loopback; refused ({_section}).");
        }

        if (configuration.TokenEndpointAuthSigningAlgValuesSupported is { Count: > 0 } algorithms
            && !algorithms.Contains(options.Auth.Algorithm, StringComparer.Ordinal))
        {
            LogAlgorithmNotAdvertised(logger, name, options.Auth.Algorithm);
        }

        LogTokenEndpointDiscovered(logger, name, endpoint.Authority, endpoint.AbsolutePath);
        return endpoint;
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "EHR {Ehr}: SMART token endpoint {Authority}{Path} from .well-known/smart-configuration")]
    private static partial void LogTokenEndpointDiscovered(ILogger logger, string ehr, string authority, string path);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "EHR {Ehr}: access token issued, valid {Seconds} s, scopes {Scopes}")]
    private static partial void LogTokenIssued(ILogger logger, string ehr, int seconds, string scopes);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "EHR {Ehr}: the server refused the access token (401); requesting a new one")]
    private static partial void LogTokenRefused(ILogger logger, string ehr);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "EHR {Ehr}: the SMART configuration does not list {Algorithm} among its signing algorithms")]
    private static partial void LogAlgorithmNotAdvertised(ILogger logger, string ehr, string algorithm);
}
