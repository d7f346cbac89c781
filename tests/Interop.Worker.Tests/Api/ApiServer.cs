using System.Security.Cryptography;
using System.Text;
using Interop.Client;
using Interop.Store;
using Interop.Worker.Api;
using Interop.Worker.Dashboard;
using Interop.Worker.Report;
using Interop.Worker.Serve;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Refit;

namespace Interop.Worker.Tests.Api;

/// <summary>
/// The API on Kestrel at 127.0.0.1 (a free port), as <c>serve</c> composes it: a migrated SQLite store seeded with
/// <see cref="SeedSubjects"/> and two runs, fake trigger and summary source, JWT signed by <see cref="TestTokens"/>,
/// plus <c>/health/live</c> (marked anonymous) and <c>/unmarked</c> (not marked) to prove the fallback policy.
/// </summary>
public sealed class ApiServer : IAsyncLifetime
{
    public const string ReadKey = "read-key-for-tests-0001";
    public const string OperateKey = "operate-key-for-tests-0002";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("interop-api-");
    private readonly List<ServiceProvider> _clients = [];
    private WebApplication? _app;

    internal FakeSyncTrigger Trigger { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public Guid CompletedRunId { get; private set; }

    /// <summary>A run of <c>file</c> whose lease ran out without it finishing.</summary>
    public Guid AbandonedRunId { get; private set; }

    internal StateStore Store => _app!.Services.GetRequiredService<StateStore>();

    public static string Sha256Hex(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static Dictionary<string, string?> Settings(string folder) => new()
    {
        ["Api:Urls"] = "http://127.0.0.1:0",
        ["Api:Keys:ward-display:Role"] = "read",
        ["Api:Keys:ward-display:Sha256"] = Sha256Hex(ReadKey).ToLowerInvariant(),
        ["Api:Keys:it-ops:Role"] = "operate",
        ["Api:Keys:it-ops:Sha256"] = Sha256Hex(OperateKey),
        ["Api:Jwt:Authority"] = TestTokens.Issuer,
        ["Api:Jwt:Audience"] = TestTokens.Audience,
        ["Api:Jwt:RoleClaim"] = "groups",
        ["Api:Jwt:ReadRole"] = "interop-readers",
        ["Api:Jwt:OperateRole"] = "interop-operators",
        ["Store:ConnectionString"] = $"Data Source={Path.Combine(folder, "state.db")};Pooling=False",
    };

    /// <summary>
    /// The app as the tests run it; <paramref name="settings"/> replace the defaults (start-up failure tests);
    /// <paramref name="services"/> registers before the app's own services (a fake clock); <paramref name="dashboard"/>
    /// adds the dashboard as <c>serve</c> does (security headers first, pages after the API).
    /// </summary>
    internal static WebApplication Build(
        IDictionary<string, string?> settings, ISyncTrigger trigger, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null,
        bool dashboard = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddInteropStore(builder.Configuration);
        builder.Services.AddSingleton(trigger);
        builder.Services.AddSingleton<ITrialSummarySource, FakeTrialSummarySource>();
        builder.Services.AddInteropApi(builder.Configuration);
        if (dashboard)
        {
            builder.Services.AddInteropDashboard(builder.Configuration);
        }

        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            // The identity provider's metadata, given here so that no request leaves the test.
            var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
            configuration.SigningKeys.Add(TestTokens.SigningKey);
            o.Configuration = configuration;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

        var app = builder.Build();
        if (dashboard)
        {
            app.UseDashboardSecurityHeaders();
        }

        app.UseInteropApi();
        if (dashboard)
        {
            app.MapInteropDashboard();
        }

        app.MapGet("/health/live", () => "Healthy").AllowAnonymous();
        app.MapGet("/unmarked", () => "should need a caller");
        return app;
    }

    public async Task InitializeAsync()
    {
        _app = Build(Settings(_folder.FullName), Trigger);
        await Store.MigrateAsync(CancellationToken.None);
        CompletedRunId = await Store.StartRunAsync("epic", SyncRunMode.Live, SeedSubjects.AsOf, TimeSpan.FromMinutes(2), CancellationToken.None);
        await Store.FinishRunAsync(CompletedRunId, new SyncRunCompletion(SyncRunStatus.Completed, 2,
            new SyncRunCounts(ResourcesRead: 120, PatientsScreened: 8, Evaluated: 8, OutcomesWritten: 30, RequestsMade: 14),
            [new QuarantinedRecord("GET Observation page 2", "Observation", "obs-9", "p-eligible", "effectiveDateTime is not a valid dateTime")])
            {
                Warnings = [new RunWarning("GET DiagnosticReport search", "DiagnosticReport", "dr-3", "p-eligible", "mrd-in-report-conclusion", "an MRD result only in a report's conclusion was not read")],
                Drift = [new ServerDriftRecord("duplicate-identifier", "parked", "p-eligible", "eligibility", ["Observation/o-1", "Observation/o-2"])],
            },
            CancellationToken.None);
        await Store.RecordPendingPatientAsync("epic", "p-eligible", "duplicate-outcome", CancellationToken.None);
        await Store.ParkPendingPatientAsync("epic", "p-eligible", CancellationToken.None);
        await Store.SetOutcomeConflictsAsync("epic", "p-eligible", [("blinfant/eligibility/p-eligible", "duplicate-identifier", ["Observation/o-1", "Observation/o-2"])], CancellationToken.None);
        await Store.UpsertLedgerAsync("epic", [new LedgerEntry("blinfant/os-status/p-eligible", "p-eligible", "os-status", "aa", "o-3", "4", OutcomeStatus.Final, SeedSubjects.AsOf) { EditedOutsideAt = SeedSubjects.AsOf }], CancellationToken.None);

        // A run whose process died at once: its lease (one tick) has run out, so it reads as abandoned.
        AbandonedRunId = await Store.StartRunAsync("file", SyncRunMode.File, SeedSubjects.AsOf, TimeSpan.FromTicks(1), CancellationToken.None);
        await Store.UpsertSubjectStatusesAsync(SeedSubjects.All(CompletedRunId), CancellationToken.None);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    /// <summary>The typed client with an API key, as a clinical system registers it.</summary>
    public IInteropApi ClientWithKey(string apiKey) => Client(o => o.ApiKey = apiKey);

    /// <summary>The typed client with a bearer token.</summary>
    public IInteropApi ClientWithToken(string token) => Client(o => o.BearerTokenProvider = _ => ValueTask.FromResult(token));

    /// <summary>The typed client without credentials (AddInteropClient refuses that, so Refit directly).</summary>
    public IInteropApi ClientWithoutCredentials() => RestService.ForGenerated<IInteropApi>(new HttpClient { BaseAddress = BaseAddress });

    /// <summary>A raw client, as a CDS client or a browser sees the service.</summary>
    public HttpClient Http(string? apiKey = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }

        return http;
    }

    private IInteropApi Client(Action<InteropClientOptions> credentials)
    {
        var services = new ServiceCollection();
        services.AddInteropClient(o =>
        {
            o.BaseAddress = BaseAddress;
            credentials(o);
        });
        var provider = services.BuildServiceProvider();
        lock (_clients)
        {
            _clients.Add(provider);
        }

        return provider.GetRequiredService<IInteropApi>();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Delete(recursive: true);
    }
}
