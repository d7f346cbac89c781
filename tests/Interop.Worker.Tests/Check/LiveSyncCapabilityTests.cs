using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Tests.Check;

/// <summary>A live sync refuses, with exit 1 and the reason, an EHR that cannot take the write-back.</summary>
public sealed class LiveSyncCapabilityTests
{
    [Fact]
    public async Task Sync_ServerWithoutTransaction_ExitsOneRefusingToWrite()
    {
        var capabilities = CapabilityStatements.Complete();
        capabilities.Rest[0].Interaction.Clear();
        using var server = FakeFhirServer.Start(capabilities);
        using var folder = new TempFolder();

        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", server.BaseUrl, "--out", folder.Path, "--site-map", RepositoryPaths.SampleSiteMap],
            new Dictionary<string, string?> { ["Store:ConnectionString"] = $"Data Source={folder.Combine("state.db")}" });

        Assert.True(result.ExitCode == ExitCodes.Failure, result.Output + result.Error);
        Assert.Contains("refuses to write", result.Error, StringComparison.Ordinal);
        Assert.Contains("transaction", result.Error, StringComparison.Ordinal);
    }
}
