using System.Net;
using System.Net.Http.Headers;
using Interop.Testing;
using Interop.Worker.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Interop.Worker.Tests.CdsHooks;

/// <summary>
/// A deployment whose only callers are CDS clients (no API key, no identity provider): every bearer token on CDS Hooks is
/// the CDS client scheme's to judge, and the JWK Set URL's outages are survived with the keys read before.
/// </summary>
public sealed class CdsOnlyDeploymentTests : IAsyncLifetime, IDisposable
{
    private const string BaseUrl = "https://cds.hospital.test";
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ListLoggerProvider _logs = new();
    private readonly CdsClientSigner _ehr = CdsClientSigner.Es384("https://ehr.hospital.test", "k1");
    private readonly WireMockServer _jwks = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{Check.FakeFhirServer.FreePort()}"] });
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        ServeJwks(200);
        var settings = new Dictionary<string, string?>
        {
            ["Api:Urls"] = "http://127.0.0.1:0",
            ["Store:ConnectionString"] = $"Data Source={_folder.Combine("state.db")};Pooling=False",
            ["CdsHooks:ServiceBaseUrl"] = BaseUrl,
            ["CdsHooks:TrustedClients:ehr:Issuer"] = _ehr.Issuer,
            ["CdsHooks:TrustedClients:ehr:JwksUrl"] = _jwks.Url + "/jwks.json",
        };
        _app = ApiServer.Build(settings, new FakeSyncTrigger(), _logs, services => services.AddSingleton<TimeProvider>(_time));
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    [Fact]
    public async Task Discovery_TrustedClientToken_Is200AndAnUntrustedIssuerIs401NamingTheReason()
    {
        using var untrusted = CdsClientSigner.Es384("https://elsewhere.test", "k1");

        var trusted = await DiscoveryAsync(_ehr.Create(BaseUrl + "/cds-services", _time.GetUtcNow()));
        var refused = await DiscoveryAsync(untrusted.Create(BaseUrl + "/cds-services", _time.GetUtcNow()));
        using var anonymous = await _http!.GetAsync(new Uri("/cds-services", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(
            "Bearer error=\"invalid_token\", error_description=\"the issuer is not a trusted CDS client\"",
            refused.Headers.WwwAuthenticate.ToString());
        Assert.Contains(_logs.Entries, e => e.Message == "CDS client token refused (client unknown): UntrustedIssuer");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Discovery_JwksUrlFailingAtTheHourlyRefresh_KeepsTheKeysReadBefore()
    {
        Assert.Equal(HttpStatusCode.OK, (await DiscoveryAsync(_ehr.Create(BaseUrl + "/cds-services", _time.GetUtcNow()))).StatusCode);
        ServeJwks(503);
        _time.Advance(TimeSpan.FromHours(1));

        var afterOutage = await DiscoveryAsync(_ehr.Create(BaseUrl + "/cds-services", _time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, afterOutage.StatusCode);
        Assert.Equal(2, _jwks.LogEntries.Count);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("JWK Set of CDS client ehr could not be read (HTTP 503)", StringComparison.Ordinal));
    }

    private void ServeJwks(int status) =>
        _jwks.Given(Request.Create().WithPath("/jwks.json").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(status == 200 ? _ehr.Jwks() : "unavailable"));

    private async Task<HttpResponseMessage> DiscoveryAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/cds-services", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http!.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _jwks.Stop();
        _jwks.Dispose();
    }

    public void Dispose()
    {
        _http?.Dispose();
        _ehr.Dispose();
        _logs.Dispose();
        _folder.Dispose();
    }
}
