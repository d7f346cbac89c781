using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Domain.Rules;
using Interop.Ehr.DependencyInjection;
using Interop.Ehr.Rest;
using Interop.Fhir.Mapping;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Serialization;
using Interop.Store;
using Interop.Testing;
using Interop.Worker.Configuration;
using Interop.Sync;
using Interop.Sync.Lease;
using Interop.Sync.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Tests.Live;

/// <summary>
/// A fresh local FHIR server loaded with the bundled sample export (ids kept), a temp SQLite store and the
/// adapter's FHIR client for it: what a live-sync test needs.
/// </summary>
internal sealed class LiveEhr : IAsyncDisposable
{
    public const string EhrName = "local";
    public const string OutcomeSystem = "https://fhir.blinfant-interop.org/sid/outcome";

    private readonly TempFolder _folder = new();
    private ServiceProvider? _services;

    public FhirServerFixture Server { get; private set; } = new();

    public StateStore Store { get; private set; } = null!;

    public FhirClient Client { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>
    /// When set, a transaction the adapter posts whose body this returns true for is answered 400 with an
    /// OperationOutcome, as a server rejecting it would (the adapter's own requests only, not <see cref="PostAsync"/>).
    /// </summary>
    public Func<string, bool>? RejectTransaction { get; set; }

    /// <summary>When set, the body of every GET answer the adapter receives (not <see cref="GetAsync{T}"/>'s) is replaced by what this returns, as a server sending it would.</summary>
    public Func<string, string>? RewriteRead { get; set; }

    /// <summary>
    /// When set, a transaction the adapter posts is sent to the server and, when this returns true for its number (1, 2, ...
    /// in the order sent), its answer is dropped: the adapter sees a broken connection after the server committed.
    /// </summary>
    public Func<int, bool>? DropAfterCommit { get; set; }

    /// <summary>Transactions the adapter posted so far (each attempt counts).</summary>
    public int TransactionsPosted => _posted;

    private int _posted;

    /// <summary>The write-back settings of the runs of <see cref="SyncAsync"/>.</summary>
    public WriteBackOptions WriteBack { get; } = new();

    /// <summary>The EHR's <c>WriteResearchSubject</c> setting for the runs of <see cref="SyncAsync"/>.</summary>
    public bool WriteResearchSubject { get; set; }

    /// <summary>The clock of the store and the runs (the system's unless a test brings a fake one).</summary>
    public TimeProvider Time { get; private init; } = TimeProvider.System;

    /// <summary>The run lease settings of the runs.</summary>
    public RunLeaseOptions LeaseOptions { get; } = new();

    /// <summary>Told after each heartbeat renewal of a run (target, whether its lease is still held).</summary>
    public Action<string, bool>? LeaseRenewed { get; set; }

    /// <summary>Whether the runs of <see cref="SyncAsync"/> read the EHR through a Bulk Data export (Ehrs:local:Read Bulk).</summary>
    public bool ReadByBulk { get; private init; }

    /// <summary>Where a Bulk export's files are staged.</summary>
    public string StagingFolder => Path.Combine(_folder.Path, "bulk-staging");

    /// <param name="load">Load the bundled sample export.</param>
    /// <param name="time">A fake clock for the store and the runs (the FHIR server keeps its own).</param>
    /// <param name="bulk">Read the EHR through a Bulk Data export instead of REST searches.</param>
    /// <param name="server">The local server's options (default: no authentication, default export settings).</param>
    public static async Task<LiveEhr> StartAsync(bool load = true, TimeProvider? time = null, bool bulk = false, FhirServerOptions? server = null)
    {
        var ehr = new LiveEhr { Time = time ?? TimeProvider.System, ReadByBulk = bulk, Server = new FhirServerFixture(server) };
        await ehr.Server.StartAsync();
        ehr.Http = new HttpClient { BaseAddress = ehr.Server.BaseUri, Timeout = TimeSpan.FromSeconds(120) };
        ehr.Http.DefaultRequestHeaders.Accept.ParseAdd("application/fhir+json");
        ehr.Store = StateStore.Create(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(ehr._folder.Path, "state.db")}" }, ehr.Time);
        await ehr.Store.MigrateAsync(CancellationToken.None);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFhirEhrClient(EhrName, o =>
        {
            o.BaseUrl = ehr.Server.BaseUri;
            o.Read = bulk ? Interop.Ehr.Bulk.EhrReadMode.Bulk : Interop.Ehr.Bulk.EhrReadMode.Rest;
            o.Bulk.MinPollInterval = TimeSpan.Zero;
        });
        services.AddSingleton<Interop.Ehr.Bulk.IBulkExportStateStore>(new Interop.Sync.Bulk.StoreBulkExportState(ehr.Store));
        services.AddHttpClient("Interop.Ehr.Fhir." + EhrName).AddHttpMessageHandler(() => new RejectingHandler(ehr));
        ehr._services = services.BuildServiceProvider();
        ehr.Client = ehr._services.GetRequiredKeyedService<FhirClient>(EhrName);
        if (load)
        {
            await ehr.LoadSampleAsync();

            // Past the sync's clock-skew margin (1 s): the load is "yesterday's" data, not a change during the run.
            await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(1.5));
        }

        return ehr;
    }

    public static AsOf AsOf()
    {
        Assert.True(AsOfParser.TryParse("2026-06-01", new InteropOptions().TimeZone(), out var asOf));
        return asOf;
    }

    public LiveSyncRunner Runner(
        Action<int>? afterTransaction = null,
        Func<PatientOutcomes, PatientOutcomes>? beforeValidation = null,
        Func<Bundle, Bundle>? beforeTransactionValidation = null) => new(
        Store,
        Time,
        new TrialSite(new InteropOptions().StudyId, new InteropOptions().TimeZone()),
        Options.Create(new TrialRuleOptions()),
        Options.Create(new ReadingOptions()),
        Options.Create(new LiveSyncOptions()),
        new FixedConnections(new Interop.Ehr.DependencyInjection.EhrConnectionOptions { WriteResearchSubject = WriteResearchSubject }),
        new RunLeases(Store, Time, Options.Create(LeaseOptions), NullLogger<RunLeases>.Instance) { Renewed = LeaseRenewed },
        NullLogger<LiveSyncRunner>.Instance,
        Options.Create(WriteBack))
    {
        AfterTransaction = afterTransaction,
        BeforeValidation = beforeValidation ?? (static o => o),
        BeforeTransactionValidation = beforeTransactionValidation ?? (static b => b),
    };

    public Task<RunReport> SyncAsync(
        bool dryRun = false,
        Action<int>? afterTransaction = null,
        Func<PatientOutcomes, PatientOutcomes>? beforeValidation = null,
        CancellationToken cancellationToken = default) =>
        Runner(afterTransaction, beforeValidation).RunAsync(Request(dryRun), AsOf(), cancellationToken);

    /// <summary>A run's request: REST, or Bulk when the EHR was started with <c>bulk</c>.</summary>
    public LiveSyncRequest Request(bool dryRun = false)
    {
        var request = new LiveSyncRequest(EhrName, Client, [RepositoryPaths.SampleSiteMap], dryRun);
        return ReadByBulk
            ? request with { Bulk = _services!.GetRequiredKeyedService<Interop.Ehr.Bulk.BulkExporter>(EhrName), BulkStagingFolder = StagingFolder }
            : request;
    }

    /// <summary>Every resource of the sample export, as one transaction of PUTs by id.</summary>
    public async System.Threading.Tasks.Task LoadSampleAsync()
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        foreach (var file in Directory.GetFiles(RepositoryPaths.SampleExport, "*.ndjson").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                var resource = JsonSerializer.Deserialize<Resource>(line, FhirJson.Options)!;
                bundle.Entry.Add(new Bundle.EntryComponent
                {
                    Resource = resource,
                    Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{resource.TypeName}/{resource.Id}" },
                });
            }
        }

        await PostAsync(bundle);
    }

    /// <summary>
    /// The server wiped: stopped and started again, empty, on the same port (the same base URL, as an EHR restored from an
    /// old backup or a test environment refreshed), then loaded with the sample export again.
    /// </summary>
    public async System.Threading.Tasks.Task WipeAsync()
    {
        var port = Server.BaseUri.Port;
        await Server.DisposeAsync();
        Server = new FhirServerFixture(new FhirServerOptions { Port = port });
        await Server.StartAsync();
        await LoadSampleAsync();
        await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(1.5));
    }

    public async Task<Bundle> PostAsync(Bundle bundle)
    {
        using var content = new StringContent(JsonSerializer.Serialize(bundle, FhirJson.Options), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        using var response = await Http.PostAsync(new Uri("", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<Bundle>(body, FhirJson.Options)!;
    }

    public async Task<T> GetAsync<T>(string relative)
        where T : Resource
    {
        var body = await Http.GetStringAsync(new Uri(relative, UriKind.Relative));
        return JsonSerializer.Deserialize<T>(body, FhirJson.Options)!;
    }

    /// <summary>Every outcome Observation on the server (those with the outcome identifier system).</summary>
    public async Task<List<Observation>> OutcomesAsync()
    {
        var outcomes = new List<Observation>();
        await foreach (var resource in Client.SearchAsync("Observation", [new("_count", "1000")]))
        {
            if (resource is Observation o && o.Identifier.Any(i => i.System == OutcomeSystem))
            {
                outcomes.Add(o);
            }
        }

        return outcomes;
    }

    public async Task<int> CountAsync(string resourceType)
    {
        var count = 0;
        await foreach (var _ in Client.SearchAsync(resourceType, [new("_count", "1000")]))
        {
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Server.DisposeAsync();
        _folder.Dispose();
    }

    private sealed class RejectingHandler(LiveEhr owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (owner.RejectTransaction is { } reject && request.Method == HttpMethod.Post && request.Content is not null)
            {
                var body = await request.Content.ReadAsStringAsync(cancellationToken);
                if (body.Contains("\"transaction\"", StringComparison.Ordinal) && reject(body))
                {
                    return new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
                    {
                        Content = new StringContent(
                            """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"business-rule","diagnostics":"rejected by the test"}]}""",
                            Encoding.UTF8,
                            "application/fhir+json"),
                    };
                }
            }

            var isTransaction = request.Method == HttpMethod.Post && request.Content is not null
                && (await request.Content.ReadAsStringAsync(cancellationToken)).Contains("\"transaction\"", StringComparison.Ordinal);
            var number = isTransaction ? Interlocked.Increment(ref owner._posted) : 0;
            var response = await base.SendAsync(request, cancellationToken);
            if (isTransaction && owner.DropAfterCommit is { } drop && drop(number))
            {
                response.Dispose();
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The test dropped the answer after the server committed.");
            }

            if (owner.RewriteRead is { } rewrite && request.Method == HttpMethod.Get && response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                response.Content = new StringContent(rewrite(text), Encoding.UTF8, "application/fhir+json");
            }

            return response;
        }
    }
}
