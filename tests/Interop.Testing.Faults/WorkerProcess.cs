using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Interop.Testing.Faults;

/// <summary>What one child <c>sync --once --source</c> did: its exit code and, when it finished, its run report's figures.</summary>
public sealed record WorkerRun(int ExitCode, bool Killed, TimeSpan Elapsed, string Error, RunFigures? Report);

/// <summary>Figures of a live run's <c>run-report.json</c>.</summary>
public sealed record RunFigures(int RequestsMade, int OutcomesWritten, int ProvenancesWritten, int PatientsFailed, int PatientsParked, int ServerDrift);

/// <summary>
/// The real CLI in a child process: <c>dotnet Interop.Worker.dll sync --once --source &lt;url&gt;</c>, from the repository
/// root, configured by environment variables only (the EHR's connection and resilience, the state store). Can be killed.
/// </summary>
public sealed class WorkerProcess
{
    private readonly Process _process;
    private readonly StringBuilder _error = new();
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private volatile bool _killed;

    private WorkerProcess(Process process) => _process = process;

    /// <summary>The EHR's configured name in the child.</summary>
    public const string EhrName = "faulty";

    /// <summary>The children's run-lease time-to-live: how long a killed child blocks the next run.</summary>
    public static readonly TimeSpan LeaseTtl = TimeSpan.FromSeconds(10);

    /// <summary>The worker assembly beside the running one (every project referencing Interop.Worker gets it copied).</summary>
    public static string WorkerAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Interop.Worker.dll");
            return File.Exists(path) && File.Exists(Path.Combine(AppContext.BaseDirectory, "Interop.Worker.runtimeconfig.json"))
                ? path
                : throw new InvalidOperationException("Interop.Worker.dll and its runtimeconfig.json are not beside " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Starts <c>sync --once</c> against <paramref name="source"/> with the store at <paramref name="database"/>.</summary>
    public static WorkerProcess Start(Uri source, string database, string output, string asOf)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { WorkerAssembly, "sync", "--once", "--source", source.ToString(), "--out", output, "--as-of", asOf, "--site-map", RepositoryPaths.SampleSiteMap })
        {
            start.ArgumentList.Add(argument);
        }

        var prefix = $"Ehrs__{EhrName}__";
        start.Environment["Store__ConnectionString"] = $"Data Source={database}";
        start.Environment[prefix + "BaseUrl"] = source.ToString();
        start.Environment[prefix + "Resilience__AttemptTimeout"] = "00:00:20";
        start.Environment[prefix + "Resilience__TotalTimeout"] = "00:01:30";
        start.Environment[prefix + "Resilience__MaxRetries"] = "5";
        start.Environment[prefix + "Resilience__RetryBaseDelay"] = "00:00:00.200";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The shortest lease: a killed child blocks the next run for at most this long (RunLease:Ttl).
        start.Environment["RunLease__Ttl"] = FormattableString.Invariant($"{LeaseTtl:c}");
        start.Environment["RunLease__RenewInterval"] = "00:00:03";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the worker.");
        var worker = new WorkerProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (worker._error)
                {
                    worker._error.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        return worker;
    }

    /// <summary>Kills the child (and anything it started) at once, as a crash would.</summary>
    public void Kill()
    {
        _killed = true;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Waits for the child; reads its run report from <paramref name="output"/> when it finished.</summary>
    public async Task<WorkerRun> WaitAsync(string output, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"The worker did not finish within {timeout}. stderr:\n{Error}");
        }

        _watch.Stop();
        var report = Path.Combine(output, "run-report.json");
        var figures = !_killed && File.Exists(report) ? Read(await File.ReadAllTextAsync(report)) : null;
        var code = _process.ExitCode;
        _process.Dispose();
        return new WorkerRun(code, _killed, _watch.Elapsed, Error, figures);
    }

    private string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    private static RunFigures Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        int Int(string name) => root.TryGetProperty(name, out var value) ? value.GetInt32() : 0;
        return new RunFigures(
            Int("requestsMade"), Int("outcomesWritten"), Int("provenancesWritten"), Int("patientsFailed"), Int("patientsParked"),
            root.TryGetProperty("serverDrift", out var drift) ? drift.GetArrayLength() : 0);
    }

    /// <summary>Formats a duration for a benchmark line.</summary>
    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
}
