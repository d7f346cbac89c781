using System.Diagnostics;
using System.Text;

namespace Interop.Benchmark;

/// <summary>
/// The repository's local FHIR server (tests/fhir-server/server.mjs) on 127.0.0.1, started for the live
/// benchmark: installs its npm packages (tests/fhir-server/install), runs <c>node server.mjs --port 0 --quiet</c>
/// with stdin held open and waits for its <c>LISTENING</c> line. Disposing closes its stdin and kills it.
/// (A minimal copy of the test fixture's start logic; the benchmark does not reference test projects.)
/// </summary>
internal sealed class LocalFhirServer : IAsyncDisposable
{
    private readonly Process _process;

    private LocalFhirServer(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    /// <summary><c>http://127.0.0.1:{port}/fhir/R4/</c> with a trailing slash.</summary>
    public Uri BaseUri { get; }

    public static async Task<LocalFhirServer> StartAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(repositoryRoot, "tests", "fhir-server");
        await InstallAsync(folder, cancellationToken);

        var node = Environment.GetEnvironmentVariable("INTEROP_NODE") is { Length: > 0 } custom ? custom : "node";
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { "server.mjs", "--port", "0", "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"the FHIR server exited before listening: {stderr}");
                if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
                {
                    var uri = new Uri(line["LISTENING ".Length..].Trim().TrimEnd('/') + "/");
                    if (!uri.IsLoopback)
                    {
                        throw new InvalidOperationException($"the FHIR server is not on loopback: {uri}");
                    }

                    // Keep draining stdout so the server never blocks on a full pipe.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return new LocalFhirServer(process, uri);
                }
            }
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    // It lingers: kill below.
                }
            }
        }
        catch (IOException)
        {
            // stdin already closed: kill below.
        }
        finally
        {
            Kill(_process);
            _process.Dispose();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }
    }

    private static async Task InstallAsync(string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, WorkingDirectory = folder, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(folder, "install"));
        using var install = Process.Start(start) ?? throw new InvalidOperationException("could not start bash for tests/fhir-server/install");
        _ = await install.StandardOutput.ReadToEndAsync(cancellationToken);
        await install.WaitForExitAsync(cancellationToken);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/fhir-server/install failed with exit code {install.ExitCode}");
        }
    }
}
