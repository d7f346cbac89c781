using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;
using Interop.SyntheticCohort;
using Microsoft.Data.Sqlite;

namespace Interop.Testing.Faults;

/// <summary>
/// One EHR under test: a fresh local FHIR server loaded with a generated cohort, a <see cref="FaultProxy"/> in front of it,
/// and a state store for the child CLI runs that sync through the proxy. Counts are taken on the server directly.
/// </summary>
public sealed class FaultRig : IAsyncDisposable
{
    private const int BundleEntries = 1000;

    private readonly FhirServerFixture _server = new();
    private readonly TempFolder _work = new();
    private HttpClient _direct = null!;
    private int _runs;

    private FaultRig()
    {
    }

    /// <summary>The proxy every child run goes through.</summary>
    public FaultProxy Proxy { get; private set; } = null!;

    /// <summary>The children's state store.</summary>
    public string StoreConnectionString => $"Data Source={_work.Combine("state.db")};Pooling=False";

    /// <summary>Starts the server, loads <paramref name="spec"/>'s cohort (transactions of PUTs by id) and starts the proxy.</summary>
    public static async Task<FaultRig> StartAsync(CohortSpec spec, CancellationToken cancellationToken = default)
    {
        var rig = new FaultRig();
        try
        {
            await rig._server.StartAsync(cancellationToken);
            rig._direct = new HttpClient { BaseAddress = rig._server.BaseUri, Timeout = TimeSpan.FromMinutes(5) };
            rig._direct.DefaultRequestHeaders.Accept.ParseAdd("application/fhir+json");
            var bundle = NewTransaction();
            foreach (var resource in CohortGenerator.Generate(spec))
            {
                bundle.Entry.Add(Put(resource));
                if (bundle.Entry.Count >= BundleEntries)
                {
                    await rig.PostAsync(bundle, cancellationToken);
                    bundle = NewTransaction();
                }
            }

            if (bundle.Entry.Count > 0)
            {
                await rig.PostAsync(bundle, cancellationToken);
            }

            rig.Proxy = await FaultProxy.StartAsync(rig._server.BaseUri, cancellationToken);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One child <c>sync --once</c> through the proxy with <paramref name="plan"/>; with <paramref name="killAtCommit"/>, the child
    /// is killed while the answer of that transaction (counted from this run's start) is held back: committed, never seen.
    /// After a killed run its lease is waited out (<see cref="WorkerProcess.LeaseTtl"/>), as a restarted service would.
    /// </summary>
    public async Task<WorkerRun> SyncAsync(string asOf, FaultPlan plan, int? killAtCommit = null)
    {
        Proxy.Use(plan);
        var output = _work.Combine($"out-{++_runs}");
        var worker = WorkerProcess.Start(Proxy.BaseUri, _work.Combine("state.db"), output, asOf);
        if (killAtCommit is { } k)
        {
            var target = Proxy.Committed + k;
            Proxy.TransactionCommitted = n =>
            {
                if (n == target)
                {
                    worker.Kill();
                }

                return System.Threading.Tasks.Task.CompletedTask;
            };
        }

        try
        {
            var run = await worker.WaitAsync(output, TimeSpan.FromMinutes(15));
            if (run.Killed)
            {
                await System.Threading.Tasks.Task.Delay(WorkerProcess.LeaseTtl + TimeSpan.FromSeconds(1));
            }

            return run;
        }
        finally
        {
            Proxy.TransactionCommitted = null;
        }
    }

    /// <summary>Syncs until a run leaves no patient failed or parked (at most <paramref name="maxRuns"/> runs); the runs made.</summary>
    public async Task<List<WorkerRun>> SettleAsync(string asOf, FaultPlan plan, int maxRuns)
    {
        var runs = new List<WorkerRun>();
        while (runs.Count < maxRuns)
        {
            var run = await SyncAsync(asOf, plan);
            runs.Add(run);
            if (run.Report is { PatientsFailed: 0, PatientsParked: 0 })
            {
                break;
            }
        }

        return runs;
    }

    /// <summary>Every Patient written again unchanged (a new version each): the next incremental run re-evaluates every known patient.</summary>
    public async System.Threading.Tasks.Task TouchPatientsAsync(CancellationToken cancellationToken = default)
    {
        var bundle = NewTransaction();
        Uri? next = new("Patient?_count=1000", UriKind.Relative);
        while (next is not null)
        {
            var page = JsonSerializer.Deserialize<Bundle>(await _direct.GetStringAsync(next, cancellationToken), FhirJson.Options)!;
            bundle.Entry.AddRange(page.Entry.Select(e => e.Resource).OfType<Patient>().Select(Put));
            next = page.Link.FirstOrDefault(l => l.Relation == "next")?.Url is { } url ? new Uri(url) : null;
        }

        await PostAsync(bundle, cancellationToken);
    }

    /// <summary>Counts the server and the ledger.</summary>
    public Task<ServerCensus> CensusAsync(CancellationToken cancellationToken = default) =>
        ServerCensus.TakeAsync(_direct, StoreConnectionString, WorkerProcess.EhrName, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        _direct?.Dispose();
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _work.Dispose();
    }

    private async System.Threading.Tasks.Task PostAsync(Bundle bundle, CancellationToken cancellationToken)
    {
        using var content = new StringContent(JsonSerializer.Serialize(bundle, FhirJson.Options), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        using var response = await _direct.PostAsync(new Uri(string.Empty, UriKind.Relative), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Loading the EHR failed: HTTP {(int)response.StatusCode}");
        }
    }

    private static Bundle NewTransaction() => new() { Type = Bundle.BundleType.Transaction };

    private static Bundle.EntryComponent Put(Resource resource) => new()
    {
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{resource.TypeName}/{resource.Id}" },
    };
}
