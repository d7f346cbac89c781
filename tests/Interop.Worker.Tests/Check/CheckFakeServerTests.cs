using System.Text.Json;
using Interop.Sync;
using Interop.Worker.Tests.Cli;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Tests.Check;

/// <summary><c>check</c> against a scripted FHIR endpoint on 127.0.0.1 whose CapabilityStatement lacks something.</summary>
public sealed class CheckFakeServerTests
{
    [Fact]
    public async Task Check_ServerWithoutTransaction_FailsTransactionExitNonZero()
    {
        var capabilities = CapabilityStatements.Complete();
        capabilities.Rest[0].Interaction.Clear();
        using var server = FakeFhirServer.Start(capabilities);

        var result = await CliRunner.RunAsync(["check", "--source", server.BaseUrl]);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.Output + result.Error);
        var lines = CheckFhirServerTests.ReportLines(result.Output);
        Assert.True(lines.Any(l => l.StartsWith("FAIL  transaction", StringComparison.Ordinal)), result.Output);
        Assert.Contains(lines, l => l.StartsWith("PASS  authentication", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_ServerWithoutTransactionAsJson_CanSyncFalse()
    {
        var capabilities = CapabilityStatements.Complete();
        capabilities.Rest[0].Interaction.Clear();
        using var server = FakeFhirServer.Start(capabilities);

        var result = await CliRunner.RunAsync(["check", "--source", server.BaseUrl, "--format", "json"]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.False(json.RootElement.GetProperty("canSync").GetBoolean());
    }

    [Fact]
    public async Task Check_NothingListening_FailsReachableExitNonZero()
    {
        var port = FakeFhirServer.FreePort();

        var result = await CliRunner.RunAsync(
            ["check", "--source", $"http://127.0.0.1:{port}/fhir"],
            new Dictionary<string, string?>
            {
                ["Ehrs:local:BaseUrl"] = $"http://127.0.0.1:{port}/fhir",
                ["Ehrs:local:Resilience:MaxRetries"] = "1",
                ["Ehrs:local:Resilience:RetryBaseDelay"] = "00:00:00.010",
            });

        Assert.True(result.ExitCode == ExitCodes.Failure, result.Output + result.Error);
        Assert.Contains(CheckFhirServerTests.ReportLines(result.Output), l => l.StartsWith("FAIL  reachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_NothingListeningWithDefaultRetries_SaysConnectionRefused()
    {
        var port = FakeFhirServer.FreePort();

        var result = await CliRunner.RunAsync(
            ["check", "--source", $"http://127.0.0.1:{port}/fhir"],
            new Dictionary<string, string?> { ["Ehrs:local:BaseUrl"] = $"http://127.0.0.1:{port}/fhir" });

        Assert.True(result.ExitCode == ExitCodes.Failure, result.Output + result.Error);
        var reachable = Assert.Single(CheckFhirServerTests.ReportLines(result.Output), l => l.StartsWith("FAIL  reachable", StringComparison.Ordinal));
        Assert.Contains("connection refused", reachable, StringComparison.Ordinal);
        Assert.DoesNotContain("no answer", reachable, StringComparison.Ordinal);
    }
}
