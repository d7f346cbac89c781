using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>
/// One trusted client's signing keys, read from its configured JWK Set (URL or file) on first use, again after
/// <see cref="MaxAge"/>, and again when a token names a <c>kid</c> the set lacks (a key rotation), but never more often than
/// every <see cref="MinRefreshInterval"/>, so that tokens with made-up kids cannot make the service hammer the client's
/// server. A failed read keeps the keys read before.
/// </summary>
internal sealed class CdsClientKeys(
    string clientName,
    CdsTrustedClientOptions client,
    IHttpClientFactory http,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    /// <summary>The named HTTP client the JWK Sets are fetched with (no redirects, short timeout).</summary>
    public const string HttpClientName = "cds-client-jwks";

    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SecurityKey> _keys = [];
    // UTC ticks, 0 for never; read outside the gate, so whole values only.
    private long _readAt;
    private long _lastAttempt;

    /// <summary>The signing keys with <paramref name="keyId"/>; empty when the JWK Set has none (or could not be read).</summary>
    public async Task<IReadOnlyList<SecurityKey>> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var found = Matching(keyId);
        if ((found.Count > 0 && !IsStale()) || !MayRead())
        {
            return found;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have read the set while this one waited.
            found = Matching(keyId);
            if ((found.Count == 0 || IsStale()) && MayRead())
            {
                await ReadAsync(cancellationToken);
                found = Matching(keyId);
            }
        }
        finally
        {
            _gate.Release();
        }

        return found;
    }

    public void Dispose() => _gate.Dispose();

    private List<SecurityKey> Matching(string keyId) => [.. Volatile.Read(ref _keys).Where(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal))];

    private bool IsStale() => Since(ref _readAt) >= MaxAge;

    private bool MayRead() => Since(ref _lastAttempt) >= MinRefreshInterval;

    private TimeSpan Since(ref long ticks) =>
        Volatile.Read(ref ticks) is var at && at == 0 ? TimeSpan.MaxValue : TimeSpan.FromTicks(time.GetUtcNow().UtcTicks - at);

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastAttempt, time.GetUtcNow().UtcTicks);
        string json;
        try
        {
            json = client.JwksUrl is { } url
                ? await FetchAsync(new Uri(url), cancellationToken)
                : await File.ReadAllTextAsync(Path.GetFullPath(client.JwksFile!), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or UnauthorizedAccessException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            CdsClientLog.KeysUnreadable(logger, clientName, ex is HttpRequestException { StatusCode: { } status } ? $"HTTP {(int)status}" : ex.GetType().Name);
            return;
        }

        try
        {
            var keys = JwksDocument.SigningKeys(json);
            Volatile.Write(ref _keys, keys);
            Volatile.Write(ref _readAt, time.GetUtcNow().UtcTicks);
            CdsClientLog.KeysRead(logger, clientName, keys.Count);
        }
        catch (ArgumentException)
        {
            CdsClientLog.KeysUnreadable(logger, clientName, "not a JWK Set");
        }
    }

    private async Task<string> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/jwk-set+json");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The JWK Set URL answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
