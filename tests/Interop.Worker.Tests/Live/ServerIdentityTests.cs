using Interop.Ehr.Rest;
using System.Text.Json;
using Interop.Fhir.Outcomes;
using Interop.Store;
using Interop.Testing;
using Interop.Worker.Configuration;
using Interop.Sync;
using Interop.Sync.Live;
using Interop.Worker.Tests.Cli;

namespace Interop.Worker.Tests.Live;

/// <summary>
/// The ledger follows the server (issue 14) against real local FHIR servers: two servers synced from one state store, a
/// configured EHR whose BaseUrl changes, and a server wiped between runs each end up with every outcome.
/// </summary>
public sealed class ServerIdentityTests
{
    [Fact]
    public async Task TwoLoopbackServers_OneStore_EachGetsEveryOutcome()
    {
        await using var first = await LiveEhr.StartAsync();
        await using var second = await LiveEhr.StartAsync();
        using var folder = new TempFolder();
        var settings = StoreIn(folder);

        var one = await SyncAsync(first.Server.BaseUri, folder, "one", settings);
        var two = await SyncAsync(second.Server.BaseUri, folder, "two", settings);

        var expected = await OutcomesAsync(first);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await OutcomesAsync(second));
        Assert.Equal(one.OutcomesWritten, two.OutcomesWritten);
        Assert.Equal(0, two.OutcomesUnchanged);

        // Each loopback URL is its own target: its own run history, ledger and watermark.
        var store = await OpenAsync(folder);
        var targets = (await store.ListRunsAsync(null, 0, 10, CancellationToken.None)).Items.Select(r => r.EhrName).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { EhrConfiguration.AdHocNameFor(first.Server.BaseUri), EhrConfiguration.AdHocNameFor(second.Server.BaseUri) }.Order(StringComparer.Ordinal), targets);
    }

    [Fact]
    public async Task ConfiguredEhrBaseUrlChanged_NextRun_WarnsAndWritesEveryOutcomeToTheNewServer()
    {
        await using var first = await LiveEhr.StartAsync();
        await using var second = await LiveEhr.StartAsync();
        using var folder = new TempFolder();

        await SyncAsync(first.Server.BaseUri, folder, "one", Configured(folder, first.Server.BaseUri));
        var moved = await SyncAsync(second.Server.BaseUri, folder, "two", Configured(folder, second.Server.BaseUri));
        var rerun = await SyncAsync(second.Server.BaseUri, folder, "three", Configured(folder, second.Server.BaseUri));

        Assert.Equal(await OutcomesAsync(first), await OutcomesAsync(second));
        var warning = Assert.Single(moved.Warnings, w => w.Rule == ServerIdentityCheck.Rule);
        Assert.Null(warning.PatientId);
        Assert.Contains("base URL " + EhrBaseUrl.Display(EhrBaseUrl.WithoutTrailingSlash(first.Server.BaseUri)!), warning.Detail, StringComparison.Ordinal);
        Assert.True(moved.OutcomesWritten > 0);
        Assert.All(moved.ServerDrift, d => Assert.Equal((DriftKinds.Deleted, DriftKinds.Restored), (d.Kind, d.Action)));
        Assert.Equal(moved.OutcomesWritten, moved.ServerDrift.Count);

        Assert.Equal(0, rerun.OutcomesWritten);
        Assert.DoesNotContain(rerun.Warnings, w => w.Rule == ServerIdentityCheck.Rule);
    }

    [Fact]
    public async Task ServerWipedAndReloaded_NextRun_RestoresEveryOutcomeThenRerunsUnchanged()
    {
        await using var ehr = await LiveEhr.StartAsync();
        await ehr.SyncAsync();
        var intact = await ehr.SyncAsync();
        var expected = await OutcomesAsync(ehr);

        await ehr.WipeAsync();
        Assert.Empty(await OutcomesAsync(ehr));
        var restored = await ehr.SyncAsync();
        var rerun = await ehr.SyncAsync();

        Assert.Equal(0, restored.PatientsFailed);
        Assert.Equal(expected, await OutcomesAsync(ehr));
        Assert.Equal(expected.Count, restored.ServerDrift.Count(d => (d.Kind, d.Action) == (DriftKinds.Deleted, DriftKinds.Restored)));
        Assert.Equal(expected.Count, (await ehr.Store.ListLedgerAsync(LiveEhr.EhrName, CancellationToken.None)).Count(e => e.OutcomeCode != OutcomeWrite.ResearchSubjectCode));

        // An unchanged rerun on the intact server and on the restored one cost the same few requests and write nothing.
        Assert.Equal((0, 0), (intact.OutcomesWritten, rerun.OutcomesWritten));
        Assert.Empty(rerun.ServerDrift);
        Assert.Equal(intact.RequestsMade, rerun.RequestsMade);
        Assert.InRange(rerun.RequestsMade, 1, 15);
    }

    private static Dictionary<string, string?> StoreIn(TempFolder folder) =>
        new() { ["Store:ConnectionString"] = $"Data Source={folder.Combine("state.db")}" };

    private static Dictionary<string, string?> Configured(TempFolder folder, Uri baseUrl)
    {
        var settings = StoreIn(folder);
        settings["Ehrs:hospital:BaseUrl"] = baseUrl.ToString();
        return settings;
    }

    private static async Task<RunReport> SyncAsync(Uri source, TempFolder folder, string run, IDictionary<string, string?> settings)
    {
        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", source.ToString(), "--out", folder.Combine(run), "--site-map", RepositoryPaths.SampleSiteMap, "--as-of", "2026-06-01"],
            settings);
        Assert.True(result.ExitCode == ExitCodes.Success, result.Output + result.Error);
        var json = await File.ReadAllTextAsync(folder.Combine(run, "run-report.json"));
        return JsonSerializer.Deserialize<RunReport>(json, RunReportWriter.Options)!;
    }

    private static async Task<StateStore> OpenAsync(TempFolder folder)
    {
        var store = StateStore.Create(new StoreOptions { ConnectionString = $"Data Source={folder.Combine("state.db")}" });
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Each outcome on the server: its identifier, status and content hash.</summary>
    private static async Task<List<string>> OutcomesAsync(LiveEhr ehr) =>
        [.. (await ehr.OutcomesAsync())
            .Select(o => $"{o.Identifier.Single(i => i.System == LiveEhr.OutcomeSystem).Value} {o.Status} {OutcomeContentHash.Of(o)}")
            .Order(StringComparer.Ordinal)];
}
