using System.Net;
using System.Net.Sockets;
using Interop.Client;
using Interop.Testing;
using Interop.Worker.Cli;
using Interop.Worker.Configuration;
using Interop.Worker.Tests.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Worker.Tests.Dashboard;

/// <summary>
/// <c>serve</c> as hospital IT starts it, on 127.0.0.1 over the bundled sample: a fresh store, so it first catches up
/// the nightly sync of the sample (the README's first command, in the service); ready once that run completed.
/// The typed API client reads the figures the dashboard must show.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime, IDisposable
{
    public const string ReadKey = "dashboard-read-key-for-tests";

    private readonly TempFolder _folder = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _error = new();
    private ServiceProvider? _client;
    private Task<int>? _serving;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort()}");

    /// <summary>Where the data-protection keys should be: beside the SQLite state database.</summary>
    public string KeysFolder => _folder.Combine(Interop.Worker.Dashboard.DashboardKeys.DefaultFolderName);

    public IInteropApi Api => _client!.GetRequiredService<IInteropApi>();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Interop:Source"] = RepositoryPaths.SampleExport,
            ["Interop:OutputFolder"] = _folder.Combine("out"),
            ["Interop:SiteMaps:0"] = RepositoryPaths.SampleSiteMap,
            ["Store:ConnectionString"] = $"Data Source={_folder.Combine("state.db")};Pooling=False",
            ["Api:Urls"] = BaseAddress.ToString().TrimEnd('/'),
            ["Api:Keys:ward:Role"] = "read",
            ["Api:Keys:ward:Sha256"] = ApiServer.Sha256Hex(ReadKey),
        };
        var customize = new HostCustomization(Configure: c => c.AddInMemoryCollection(settings));
        _serving = Task.Run(() => InteropCli.RunAsync(["serve"], TextWriter.Null, _error, customize, _stop.Token));

        var services = new ServiceCollection();
        services.AddInteropClient(o =>
        {
            o.BaseAddress = BaseAddress;
            o.ApiKey = ReadKey;
        });
        _client = services.BuildServiceProvider();

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!await SampleSyncedAsync())
        {
            if (_serving.IsCompleted || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"serve did not sync the sample in time ({(_serving.IsCompleted ? "exited " + _serving.Result : "timed out")}): {_error}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>A client without credentials or cookies handling, to see the raw answers.</summary>
    public HttpClient Http(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = false }) { BaseAddress = BaseAddress };

    private async Task<bool> SampleSyncedAsync()
    {
        try
        {
            return (await Api.ListRunsAsync("file")).Items is [{ Status: "completed" }];
        }
        catch (Exception ex) when (ex is HttpRequestException || ex.InnerException is HttpRequestException)
        {
            // Not listening yet (the typed client wraps the refused connection).
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_serving is not null)
        {
            await _serving;
        }

        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _stop.Dispose();
        _error.Dispose();
        _folder.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One <c>serve</c> for the dashboard's tests.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardServer>, ICollectionFixture<SystemChromium>
{
    public const string Name = "dashboard";
}
