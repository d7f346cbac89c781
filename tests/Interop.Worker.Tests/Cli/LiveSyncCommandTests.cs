using System.Text.Json;
using Interop.Testing;
using Interop.Sync;

namespace Interop.Worker.Tests.Cli;

/// <summary><c>sync --once --source &lt;url&gt;</c> through the CLI against the local FHIR server (an empty one: the wiring, not the sync).</summary>
public sealed class LiveSyncCommandTests(LiveSyncCommandTests.Server fixture) : IClassFixture<LiveSyncCommandTests.Server>
{
    private FhirServerFixture Fhir => fixture.Fhir;

    [Fact]
    public async Task Sync_LoopbackServerNotConfigured_RunsLiveWritesReportAndSummaryExitsFourForNoCandidate()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", Fhir.BaseUri.ToString(), "--out", folder.Combine("out"), "--site-map", RepositoryPaths.SampleSiteMap, "--as-of", "2026-06-01"],
            new Dictionary<string, string?> { ["Store:ConnectionString"] = $"Data Source={folder.Combine("state.db")}" });

        // The server is empty: the run is complete, and says it had nobody to evaluate.
        Assert.True(result.ExitCode == ExitCodes.NothingToEvaluate, result.Output + result.Error);
        Assert.Contains("warning: the EHR returned no candidate", result.Error, StringComparison.Ordinal);
        Assert.Contains("EHR requests", result.Output, StringComparison.Ordinal);
        Assert.Contains("patients failed     0", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.Combine("state.db")));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(folder.Combine("out", "run-report.json")));
        Assert.True(report.RootElement.GetProperty("requestsMade").GetInt64() > 0);
    }

    [Fact]
    public async Task Sync_ConfiguredEhrMatchedWithoutTrailingSlash_UsesItsName()
    {
        using var folder = new TempFolder();
        var baseUrl = Fhir.BaseUri.ToString().TrimEnd('/');
        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--dry-run", "--source", baseUrl, "--out", folder.Combine("out"), "--site-map", RepositoryPaths.SampleSiteMap],
            new Dictionary<string, string?>
            {
                ["Store:ConnectionString"] = $"Data Source={folder.Combine("state.db")}",
                ["Ehrs:testserver:BaseUrl"] = Fhir.BaseUri.ToString(),
            });

        Assert.True(result.ExitCode == ExitCodes.NothingToEvaluate, result.Output + result.Error);
        Assert.Contains("dry run", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.Combine("out", "run-report.json")));
    }

    /// <summary>One empty local FHIR server for the class.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public FhirServerFixture Fhir { get; } = new();

        public Task InitializeAsync() => Fhir.StartAsync();

        public async Task DisposeAsync() => await Fhir.DisposeAsync();
    }
}
