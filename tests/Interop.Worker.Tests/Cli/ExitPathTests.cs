using System.Net;
using System.Net.Sockets;
using Interop.Testing;
using Interop.Worker.Cli;
using Interop.Worker.Configuration;
using Interop.Sync;
using Microsoft.Extensions.Configuration;

namespace Interop.Worker.Tests.Cli;

/// <summary>
/// Every way a run ends that a nightly job's monitoring must tell apart (README.md, "Exit codes"): nothing to evaluate is
/// exit 4 with a warning; a port in use, a bad certificate or an unreachable store is one line naming the setting.
/// </summary>
public sealed class ExitPathTests
{
    private static string[] SyncArgs(string source, string output) =>
        ["sync", "--once", "--source", source, "--out", output, "--site-map", RepositoryPaths.SampleSiteMap, "--as-of", "2026-06-01"];

    [Fact]
    public async Task Sync_EmptySourceFolder_ExitsFourWithWarningNamingTheSetting()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("export"));

        var result = await CliRunner.RunAsync(SyncArgs(folder.Combine("export"), folder.Combine("out")));

        Assert.Equal(ExitCodes.NothingToEvaluate, result.ExitCode);
        Assert.Contains("warning: the source holds no FHIR record", result.Error, StringComparison.Ordinal);
        Assert.Contains("--source", result.Error, StringComparison.Ordinal);
        Assert.Contains("resources read      0", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_SourceWithPatientsOnly_ExitsFourNoneScreened()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("export"));
        File.Copy(Path.Combine(RepositoryPaths.SampleExport, "Patient.ndjson"), folder.Combine("export", "Patient.ndjson"));

        var result = await CliRunner.RunAsync(SyncArgs(folder.Combine("export"), folder.Combine("out")));

        Assert.Equal(ExitCodes.NothingToEvaluate, result.ExitCode);
        Assert.Contains("screens a patient for the trial", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_TheSample_ExitsZeroWithoutWarning()
    {
        using var folder = new TempFolder();

        var result = await CliRunner.RunAsync(SyncArgs(RepositoryPaths.SampleExport, folder.Combine("out")));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.DoesNotContain("warning:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_StoreFolderCannotBeCreated_OneLineNamingStoreExitsOne()
    {
        using var folder = new TempFolder();
        var file = folder.Combine("a-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var result = await CliProcess.RunAsync(
            SyncArgs(RepositoryPaths.SampleExport, folder.Combine("out")),
            new Dictionary<string, string?> { ["INTEROP_Store__ConnectionString"] = $"Data Source={Path.Combine(file, "state.db")}" });

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        var errors = ErrorLines(result.Error);
        var line = Assert.Single(errors);
        Assert.StartsWith("error: Store:ConnectionString:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PortInUse_OneLineNamingApiUrlsExitsOne()
    {
        using var folder = new TempFolder();
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var result = await CliProcess.RunAsync(["serve"], ServeEnvironment(folder, $"http://127.0.0.1:{port}"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(ErrorLines(result.Error));
        Assert.StartsWith("error: Api:Urls: the address is already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_CertificateFileMissing_OneLineNamingKestrelExitsTwo()
    {
        using var folder = new TempFolder();
        var environment = ServeEnvironment(folder, "https://127.0.0.1:0");
        environment["INTEROP_Kestrel__Certificates__Default__Path"] = folder.Combine("missing.pem");

        var result = await CliProcess.RunAsync(["serve"], environment);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = Assert.Single(ErrorLines(result.Error));
        Assert.StartsWith("error: Kestrel:Certificates", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_CertificateNotPem_OneLineNamingKestrelExitsTwo()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.Combine("broken.pem"), "not a certificate");
        var environment = ServeEnvironment(folder, "https://127.0.0.1:0");
        environment["INTEROP_Kestrel__Certificates__Default__Path"] = folder.Combine("broken.pem");

        var result = await CliProcess.RunAsync(["serve"], environment);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: Kestrel:Certificates", Assert.Single(ErrorLines(result.Error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_HttpsWithoutCertificate_OneLineNamingApiUrlsExitsTwo()
    {
        using var folder = new TempFolder();

        var result = await CliProcess.RunAsync(["serve"], ServeEnvironment(folder, "https://127.0.0.1:0"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: Api:Urls has an https address", Assert.Single(ErrorLines(result.Error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_StoreUnreachable_OneLineNamingStoreExitsOne()
    {
        using var folder = new TempFolder();
        var file = folder.Combine("a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var environment = ServeEnvironment(folder, "http://127.0.0.1:0");
        environment["INTEROP_Store__ConnectionString"] = $"Data Source={Path.Combine(file, "state.db")}";

        var result = await CliProcess.RunAsync(["serve"], environment);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("error: Store:ConnectionString:", Assert.Single(ErrorLines(result.Error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Started_PrintsTheAddressItListensOn()
    {
        using var folder = new TempFolder();
        using var output = new SyncedWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var settings = new Dictionary<string, string?>
        {
            ["Interop:Source"] = RepositoryPaths.SampleExport,
            ["Interop:OutputFolder"] = folder.Combine("out"),
            ["Store:ConnectionString"] = $"Data Source={folder.Combine("state.db")};Pooling=False",
            ["Api:Urls"] = "http://127.0.0.1:0",
            ["Schedule:CatchUp"] = "false",
        };
        var serving = Task.Run(() => InteropCli.RunAsync(
            ["serve"], output, TextWriter.Null, new HostCustomization(Configure: c => c.AddInMemoryCollection(settings)), stop.Token));

        while (!output.ToString().Contains("listening on", StringComparison.Ordinal) && !serving.IsCompleted && !stop.IsCancellationRequested)
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await serving);
        Assert.Matches(@"serve: listening on http://127\.0\.0\.1:[1-9][0-9]*", output.ToString());
    }

    /// <summary>stderr without the log's lines: what a person reads as the verdict.</summary>
    private static List<string> ErrorLines(string error) =>
        [.. error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("info:", StringComparison.Ordinal) && !l.StartsWith("warn:", StringComparison.Ordinal))];

    private static Dictionary<string, string?> ServeEnvironment(TempFolder folder, string urls) => new()
    {
        ["INTEROP_Api__Urls"] = urls,
        ["INTEROP_Store__ConnectionString"] = $"Data Source={folder.Combine("state.db")}",
        ["INTEROP_Interop__OutputFolder"] = folder.Combine("out"),
        ["INTEROP_Schedule__CatchUp"] = "false",
    };

    /// <summary>A writer the test can read while the server writes to it.</summary>
    private sealed class SyncedWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }
    }
}
