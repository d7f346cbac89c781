using Interop.Store;
using Interop.Worker.Tests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Interop.Worker.Tests.CdsHooks;

/// <summary>
/// The API and CDS Hooks on Kestrel at 127.0.0.1 with trusted CDS clients: <c>ehr-file</c> (ES384, its JWK Set in a file,
/// a tenant and a sub required), <c>ehr-url</c> (RS384, its JWK Set served by WireMock on 127.0.0.1) and <c>ehr-rotating</c>
/// (ES384, by URL, for key rotation); the read API key and the identity provider's JWTs as in <see cref="ApiServer"/>;
/// a fake clock set to now.
/// </summary>
public sealed class CdsClientServer : IAsyncLifetime
{
    public const string ServiceBaseUrl = "https://interop.hospital.test/blinfant";
    public const string ServicePath = "/cds-services/blinfant-trial-status";
    public const string RotatingJwksPath = "/rotating/jwks.json";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("interop-cds-client-");
    private WebApplication? _app;

    internal CdsClientSigner FileClient { get; } = CdsClientSigner.Es384("https://ehr.hospital.test/cds", "ehr-file-key-1");

    internal CdsClientSigner UrlClient { get; } = CdsClientSigner.Rs384("https://other-ehr.hospital.test", "ehr-url-key-1");

    internal CdsClientSigner RotatingClient { get; } = CdsClientSigner.Es384("https://rotating-ehr.hospital.test", "rotating-key-1");

    internal FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    internal ListLoggerProvider Logs { get; } = new();

    internal WireMockServer Jwks { get; } = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{Check.FakeFhirServer.FreePort()}"] });

    public Uri BaseAddress { get; private set; } = null!;

    public string JwksUrl => Jwks.Url + "/ehr/jwks.json";

    public string RotatingJwksUrl => Jwks.Url + RotatingJwksPath;

    /// <summary>The audience of the service endpoint, as a CDS client computes it from the URL it calls.</summary>
    public static string ServiceAudience => ServiceBaseUrl + ServicePath;

    public async Task InitializeAsync()
    {
        var jwksFile = Path.Combine(_folder.FullName, "ehr-jwks.json");
        await File.WriteAllTextAsync(jwksFile, FileClient.Jwks());
        Jwks.Given(Request.Create().WithPath("/ehr/jwks.json").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/jwk-set+json").WithBody(UrlClient.Jwks()));
        ServeRotatingJwks(RotatingClient.Jwks());

        var settings = ApiServer.Settings(_folder.FullName);
        settings["CdsHooks:ServiceBaseUrl"] = ServiceBaseUrl;
        settings["CdsHooks:TrustedClients:ehr-file:Issuer"] = FileClient.Issuer;
        settings["CdsHooks:TrustedClients:ehr-file:JwksFile"] = jwksFile;
        settings["CdsHooks:TrustedClients:ehr-file:Tenant"] = "hospital-a";
        settings["CdsHooks:TrustedClients:ehr-file:Subject"] = "interop-cds-client";
        settings["CdsHooks:TrustedClients:ehr-url:Issuer"] = UrlClient.Issuer;
        settings["CdsHooks:TrustedClients:ehr-url:JwksUrl"] = JwksUrl;
        settings["CdsHooks:TrustedClients:ehr-rotating:Issuer"] = RotatingClient.Issuer;
        settings["CdsHooks:TrustedClients:ehr-rotating:JwksUrl"] = RotatingJwksUrl;
        _app = ApiServer.Build(settings, new FakeSyncTrigger(), Logs, services => services.AddSingleton<TimeProvider>(Time));

        var store = _app.Services.GetRequiredService<StateStore>();
        await store.MigrateAsync(CancellationToken.None);
        var runId = await store.StartRunAsync("epic", SyncRunMode.Live, SeedSubjects.AsOf, TimeSpan.FromMinutes(2), CancellationToken.None);
        await store.FinishRunAsync(runId, new SyncRunCompletion(SyncRunStatus.Completed, 0, new SyncRunCounts(ResourcesRead: 8, PatientsScreened: 8, Evaluated: 8), []), CancellationToken.None);
        await store.UpsertSubjectStatusesAsync(SeedSubjects.All(runId), CancellationToken.None);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    /// <summary>Serves <paramref name="jwks"/> at the rotating client's JWK Set URL from now on.</summary>
    public void ServeRotatingJwks(string jwks) =>
        Jwks.Given(Request.Create().WithPath(RotatingJwksPath).UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(jwks));

    /// <summary>A raw client, as an EHR calls the service.</summary>
    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Jwks.Stop();
        Jwks.Dispose();
        FileClient.Dispose();
        UrlClient.Dispose();
        RotatingClient.Dispose();
        _folder.Delete(recursive: true);
    }
}
