using System.Diagnostics;
using System.Text;

namespace Interop.Testing;

/// <summary>
/// Options of the local FHIR server (tests/fhir-server/server.mjs); the defaults start it
/// without authentication.
/// </summary>
public sealed record FhirServerOptions
{
    /// <summary>When set, every FHIR request except /metadata needs <c>Authorization: Bearer</c> this token.</summary>
    public string? BearerToken { get; init; }

    /// <summary>When set, SMART Backend Services is on: assertions are verified against this JWKS file.</summary>
    public string? SmartJwksPath { get; init; }

    /// <summary>With SMART on, the only client_id the token endpoint accepts (any when null).</summary>
    public string? SmartClientId { get; init; }

    /// <summary>With SMART on, the lifetime of issued access tokens in seconds (server default 300).</summary>
    public int? SmartTokenLifetimeSeconds { get; init; }

    /// <summary>The port to listen on (0, the default: any free port). A fixed one lets a test restart "the same" server empty.</summary>
    public int Port { get; init; }

    /// <summary>The page size of a search without _count (server default 50).</summary>
    public int? DefaultPageSize { get; init; }

    /// <summary>Resources per export file (server default 1000).</summary>
    public int? BulkFileSize { get; init; }

    /// <summary>Status polls answered 202 before the manifest (server default 1).</summary>
    public int? BulkPolls { get; init; }

    /// <summary>A delay before each export file is answered, in milliseconds (server default 0).</summary>
    public int? BulkFileDelayMilliseconds { get; init; }
}

/// <summary>
/// A real FHIR R4 server process (Medplum's FHIR router, in memory) on 127.0.0.1 for end-to-end
/// tests and the benchmark. <see cref="StartAsync"/> installs its npm packages once per test run
/// (tests/fhir-server/install), starts <c>node server.mjs --port 0</c> with its stdin held open (so
/// the server exits with the test process, even after a crash) and waits for its
/// <c>LISTENING</c> line; <see cref="DisposeAsync"/> stops it. Each instance is its own empty server.
/// </summary>
public sealed class FhirServerFixture : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    private readonly FhirServerOptions _options;
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private Uri? _baseUri;

    public FhirServerFixture(FhirServerOptions? options = null)
    {
        _options = options ?? new FhirServerOptions();
    }

    /// <summary>The folder holding server.mjs and the install script.</summary>
    public static string ServerFolder => Path.Combine(RepositoryPaths.Root, "tests", "fhir-server");

    /// <summary>
    /// The FHIR base, <c>http://127.0.0.1:{port}/fhir/R4/</c>, with a trailing slash so that relative
    /// URIs such as <c>metadata</c> or <c>Observation?code=...</c> resolve under it.
    /// </summary>
    public Uri BaseUri => _baseUri ?? throw new InvalidOperationException("The FHIR server is not started: call StartAsync first.");

    /// <summary>The server's origin, <c>http://127.0.0.1:{port}/</c> (SMART endpoints live here).</summary>
    public Uri Origin => new(BaseUri.GetLeftPart(UriPartial.Authority) + "/");

    /// <summary>What the server wrote to stderr so far (for failure messages).</summary>
    public string ServerLog
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Installs the server's packages if needed, starts it and waits until it listens.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The FHIR server is already started.");
        }

        await EnsureInstalledAsync(cancellationToken);

        var start = new ProcessStartInfo(NodeExecutable())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ServerFolder,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.Start();
        _process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            while (true)
            {
                var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    await _process.WaitForExitAsync(CancellationToken.None);
                    throw new InvalidOperationException(
                        $"The FHIR server exited with code {_process.ExitCode} before listening. stderr:\n{ServerLog}");
                }

                if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
                {
                    _baseUri = new Uri(line["LISTENING ".Length..].Trim().TrimEnd('/') + "/");
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync();
            throw new TimeoutException(
                $"The FHIR server did not print LISTENING within {StartTimeout.TotalSeconds:0} s. stderr:\n{ServerLog}");
        }
        catch
        {
            await StopAsync();
            throw;
        }

        // Keep reading stdout so that the server never blocks on a full pipe.
        _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
    }

    /// <summary>Stops the server: closes its stdin, then kills its process tree if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
    }

    private async Task StopAsync()
    {
        var running = _process;
        _process = null;
        _baseUri = null;
        if (running is null)
        {
            return;
        }

        try
        {
            if (!running.HasExited)
            {
                running.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await running.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    running.Kill(entireProcessTree: true);
                    await running.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The process is gone already.
        }
        catch (IOException)
        {
            // Its stdin is closed already: make sure it is gone.
            running.Kill(entireProcessTree: true);
        }
        finally
        {
            running.Dispose();
        }
    }

    private List<string> Arguments()
    {
        var arguments = new List<string> { "server.mjs", "--port", _options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--quiet" };
        if (_options.BearerToken is not null)
        {
            arguments.AddRange(["--bearer", _options.BearerToken]);
        }

        if (_options.SmartJwksPath is not null)
        {
            arguments.AddRange(["--smart", "--jwks", _options.SmartJwksPath]);
            if (_options.SmartClientId is not null)
            {
                arguments.AddRange(["--client-id", _options.SmartClientId]);
            }

            if (_options.SmartTokenLifetimeSeconds is { } lifetime)
            {
                arguments.AddRange(["--token-ttl", lifetime.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }
        }

        if (_options.DefaultPageSize is { } pageSize)
        {
            arguments.AddRange(["--default-count", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        foreach (var (option, value) in new[] { ("--bulk-file-size", _options.BulkFileSize), ("--bulk-polls", _options.BulkPolls), ("--bulk-file-delay", _options.BulkFileDelayMilliseconds) })
        {
            if (value is { } set)
            {
                arguments.AddRange([option, set.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }
        }

        return arguments;
    }

    private static string NodeExecutable() =>
        Environment.GetEnvironmentVariable("INTEROP_NODE") is { Length: > 0 } node ? node : "node";

    /// <summary>Runs tests/fhir-server/install once per test run (the script itself locks across processes).</summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        if (_installed)
        {
            return;
        }

        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (_installed)
            {
                return;
            }

            var start = new ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = ServerFolder,
            };
            start.ArgumentList.Add(Path.Combine(ServerFolder, "install"));
            using var install = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash for tests/fhir-server/install.");
            var output = install.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = install.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(InstallTimeout);
            try
            {
                await install.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                install.Kill(entireProcessTree: true);
                throw new TimeoutException("tests/fhir-server/install did not finish within " + InstallTimeout);
            }

            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"tests/fhir-server/install failed with exit code {install.ExitCode}:\n{await output}\n{await errors}");
            }

            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
