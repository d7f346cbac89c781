using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Interop.Client;
using Interop.Client.Contracts;
using Interop.Testing;
using Interop.Worker.Cli;
using Interop.Worker.Configuration;
using Interop.Sync;
using Interop.Worker.Tests.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Worker.Tests.Serve;

/// <summary>
/// The <c>serve</c> verb as hospital IT starts it, over the bundled sample: it catches up the missed nightly sync on a fresh
/// store, then answers health, the trial-status API through the typed client, and CDS Hooks; Ctrl+C stops it with exit 0.
/// </summary>
public sealed class ServeVerbEndToEndTests
{
    private const string Key = "serve-e2e-operate-key";

    [Fact]
    public async Task Serve_FreshStoreOverTheSample_CatchesUpThenAnswersApiCdsHooksAndHealth()
    {
        using var folder = new TempFolder();
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var error = new StringWriter();
        var serving = Task.Run(() => InteropCli.RunAsync(["serve"], TextWriter.Null, error, Customization(folder, baseAddress), stop.Token));
        using var http = new HttpClient { BaseAddress = baseAddress };

        await WaitUntilAsync(async () => (await TryGetAsync(http, "/health/live")) == HttpStatusCode.OK, serving, error);
        var api = Client(baseAddress);
        await WaitUntilAsync(async () => (await api.ListRunsAsync("file")).Items is [{ Status: "completed" }], serving, error);

        var subjects = await api.ListSubjectsAsync(take: 200);
        var expected = SampleExpectations.Load();
        Assert.Equal(expected.Count, subjects.Total);
        var eligible = expected.First(p => p.Verdict == "eligible");
        Assert.Equal("eligible", (await api.GetSubjectAsync(eligible.PatientId)).Verdict);
        var summary = await api.GetSummaryAsync();
        Assert.Equal(expected.Count, summary.Patients);
        Assert.Equal(expected.Count(p => p.Verdict == "eligible"), summary.Eligible);
        Assert.Equal(HttpStatusCode.Unauthorized, await TryGetAsync(http, "/api/v1/subjects"));
        Assert.Equal(HttpStatusCode.OK, await TryGetAsync(http, "/health/ready"));

        http.DefaultRequestHeaders.Add("X-API-Key", Key);
        using var discovery = JsonDocument.Parse(await http.GetStringAsync(new Uri("/cds-services", UriKind.Relative)));
        var service = discovery.RootElement.GetProperty("services")[0];
        Assert.Equal("patient-view", service.GetProperty("hook").GetString());

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await serving);
    }

    [Theory]
    [InlineData("Schedule:Cron", "not a cron", "Schedule:Cron")]
    [InlineData("Schedule:Nightly", "0 2 * * *", "Schedule:Nightly is not a known setting")]
    [InlineData("Api:Keys:e2e:Sha256", "abc", "Api:Keys:e2e:Sha256")]
    [InlineData("CdsHooks:TrustedClients:epic:Issuer", "https://ehr.test", "CdsHooks:ServiceBaseUrl is required")]
    [InlineData("CdsHooks:TrustedClients:epic:JwksUri", "https://ehr.test/jwks", "CdsHooks:TrustedClients:epic:JwksUri is not a known setting")]
    [InlineData("CdsHooks:ServiceBaseUrl", "http://interop.hospital.test", "CdsHooks:ServiceBaseUrl must be an absolute https URL")]
    [InlineData("Api:Dashboard:Oidc:ClientId", "interop-dashboard", "Api:Dashboard:Oidc needs Api:Jwt")]
    public async Task Serve_BadSetting_ExitsTwoNamingIt(string key, string value, string named)
    {
        using var folder = new TempFolder();
        using var error = new StringWriter();
        var customize = Customization(folder, new Uri("http://127.0.0.1:1"), new() { [key] = value });

        var code = await InteropCli.RunAsync(["serve"], TextWriter.Null, error, customize, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    private static HostCustomization Customization(TempFolder folder, Uri baseAddress, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Interop:Source"] = RepositoryPaths.SampleExport,
            ["Interop:OutputFolder"] = folder.Combine("out"),
            ["Interop:SiteMaps:0"] = RepositoryPaths.SampleSiteMap,
            ["Store:ConnectionString"] = $"Data Source={folder.Combine("state.db")};Pooling=False",
            ["Api:Urls"] = baseAddress.ToString().TrimEnd('/'),
            ["Api:Keys:e2e:Role"] = "operate",
            ["Api:Keys:e2e:Sha256"] = ApiServer.Sha256Hex(Key),
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new HostCustomization(Configure: c => c.AddInMemoryCollection(settings));
    }

    private static IInteropApi Client(Uri baseAddress)
    {
        var services = new ServiceCollection();
        services.AddInteropClient(o =>
        {
            o.BaseAddress = baseAddress;
            o.ApiKey = Key;
        });
        return services.BuildServiceProvider().GetRequiredService<IInteropApi>();
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Task<int> serving, StringWriter error)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await condition())
        {
            Assert.False(serving.IsCompleted, $"serve exited early ({(serving.IsCompleted ? serving.Result : 0)}): {error}");
            Assert.True(DateTime.UtcNow < deadline, "serve did not get there within 2 minutes");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
