using System.Text.Json;
using Interop.Testing;
using Interop.Sync;

namespace Interop.Worker.Tests.Cli;

public sealed class SyncCommandTests
{
    private static string[] SyncArgs(string source, string output, params string[] more) =>
        ["sync", "--once", "--source", source, "--out", output, "--site-map", RepositoryPaths.SampleSiteMap, "--as-of", "2026-06-01", .. more];

    [Fact]
    public async Task Sync_WithoutOnce_IsUsageError()
    {
        var result = await CliRunner.RunAsync(["sync"]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--once", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_UnknownOption_IsUsageError()
    {
        var result = await CliRunner.RunAsync(["sync", "--once", "--sauce", "x"]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Fact]
    public async Task Sync_BadAsOf_IsUsageErrorNamingTheOption()
    {
        using var output = new TempFolder();
        var result = await CliRunner.RunAsync(SyncArgs(RepositoryPaths.SampleExport, output.Path, "--as-of", "last tuesday"));
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--as-of", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_MissingSourceFolder_IsUsageErrorNamingTheOption()
    {
        using var output = new TempFolder();
        var result = await CliRunner.RunAsync(SyncArgs(output.Combine("nowhere"), output.Path));
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--source", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_UnknownSetting_IsConfigurationErrorNamingTheKey()
    {
        using var output = new TempFolder();
        var result = await CliRunner.RunAsync(
            SyncArgs(RepositoryPaths.SampleExport, output.Path),
            new Dictionary<string, string?> { ["Rules:MaxAgeAtDiagnosisDayz"] = "365" });
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("MaxAgeAtDiagnosisDayz", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_InvalidThreshold_IsConfigurationErrorNamingTheSetting()
    {
        using var output = new TempFolder();
        var result = await CliRunner.RunAsync(
            SyncArgs(RepositoryPaths.SampleExport, output.Path),
            new Dictionary<string, string?> { ["Rules:MrdHighPositiveMinFraction"] = "5" });
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Rules:MrdHighPositiveMinFraction", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_UnknownTimeZone_IsConfigurationError()
    {
        using var output = new TempFolder();
        var result = await CliRunner.RunAsync(
            SyncArgs(RepositoryPaths.SampleExport, output.Path),
            new Dictionary<string, string?> { ["Interop:SiteTimeZone"] = "Europe/Atlantis" });
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Interop:SiteTimeZone", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_BrokenSiteMap_IsConfigurationErrorNamingTheFile()
    {
        using var output = new TempFolder();
        var broken = output.Combine("broken-map.json");
        await File.WriteAllTextAsync(broken, "{ not json");
        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", RepositoryPaths.SampleExport, "--out", output.Combine("out"), "--site-map", broken]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("broken-map.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_DryRun_WritesNothing()
    {
        using var output = new TempFolder();
        var target = output.Combine("out");
        var result = await CliRunner.RunAsync(SyncArgs(RepositoryPaths.SampleExport, target, "--dry-run"));
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("dry run", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any());
    }

    [Fact]
    public async Task Sync_MalformedLine_QuarantinesItAndWritesTheRest()
    {
        using var work = new TempFolder();
        var export = work.Combine("export");
        Directory.CreateDirectory(export);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SampleExport, "*.ndjson"))
        {
            File.Copy(file, Path.Combine(export, Path.GetFileName(file)));
        }

        const string secret = "1999-12-31";
        await File.AppendAllTextAsync(Path.Combine(export, "Observation.ndjson"),
            "{\"resourceType\":\"Observation\",\"id\":\"broken\",\"status\":\"final\",\"effectiveDateTime\":\"" + secret + "\",\n");

        var clean = await CliRunner.RunAsync(SyncArgs(RepositoryPaths.SampleExport, work.Combine("clean")));
        var result = await CliRunner.RunAsync(SyncArgs(export, work.Combine("out")));

        Assert.Equal(ExitCodes.Quarantined, result.ExitCode);
        Assert.Contains("Observation.ndjson:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Output + result.Error, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(work.Combine("out", "run-report.json")));
        Assert.Equal(1, report.RootElement.GetProperty("quarantined").GetArrayLength());
        Assert.DoesNotContain(secret, report.RootElement.GetRawText(), StringComparison.Ordinal);

        // Nothing else was lost: the outcomes are those of the clean export.
        Assert.Equal(ExitCodes.Success, clean.ExitCode);
        Assert.Equal(
            await File.ReadAllBytesAsync(work.Combine("clean", "Observation.ndjson")),
            await File.ReadAllBytesAsync(work.Combine("out", "Observation.ndjson")));
    }

    [Fact]
    public async Task Sync_InvalidRecordOfAPatient_WithholdsOnlyThatPatient()
    {
        using var work = new TempFolder();
        var export = work.Combine("export");
        Directory.CreateDirectory(export);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SampleExport, "*.ndjson"))
        {
            File.Copy(file, Path.Combine(export, Path.GetFileName(file)));
        }

        await File.AppendAllTextAsync(Path.Combine(export, "Observation.ndjson"),
            "{\"resourceType\":\"Observation\",\"id\":\"bad-mrd\",\"status\":\"final\",\"code\":{\"text\":\"MRD\"},"
            + "\"subject\":{\"reference\":\"Patient/p001\"},\"effectiveDateTime\":\"2021-02-30\"}\n");

        var clean = await CliRunner.RunAsync(SyncArgs(RepositoryPaths.SampleExport, work.Combine("clean")));
        var result = await CliRunner.RunAsync(SyncArgs(export, work.Combine("out")));

        Assert.Equal(ExitCodes.Quarantined, result.ExitCode);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(work.Combine("out", "run-report.json")));
        Assert.Equal(1, report.RootElement.GetProperty("patientsWithheld").GetInt32());
        var withheld = File.ReadLines(work.Combine("out", "Observation.ndjson")).ToList();
        Assert.DoesNotContain(withheld, line => line.Contains("\"Patient/p001\"", StringComparison.Ordinal));
        var others = File.ReadLines(work.Combine("clean", "Observation.ndjson"))
            .Where(line => !line.Contains("\"Patient/p001\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(others, withheld);
    }
}
