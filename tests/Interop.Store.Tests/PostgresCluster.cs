using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Interop.Store.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1 (initdb in a temp folder, pg_ctl on a free port, trust
/// authentication), shared by the tests of the "postgres" collection. As root it runs as the
/// <c>postgres</c> user through runuser, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private static readonly Lazy<(string? BinDir, string? Unavailable)> Probe = new(FindBinaries);
    private string _folder = string.Empty;
    private int _port;

    /// <summary>Why the PostgreSQL tests are skipped here, or null when they can run.</summary>
    public static string? Unavailable => Probe.Value.Unavailable;

    private static bool IsRoot => Environment.UserName == "root";

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A connection string to a database of its own (created by the store's migration).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Timeout=30";

    public static string NewDatabaseName() => "interop_" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        _folder = Path.Combine(Path.GetTempPath(), "interop-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:", _folder], asPostgres: false);
        }

        _port = FreePort();
        await RunAsync(Tool("initdb"), ["-D", DataFolder, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], asPostgres: true);
        var serverOptions = $"-c listen_addresses=127.0.0.1 -p {_port} -k {_folder} -c fsync=off -c max_connections=50";
        await RunAsync(Tool("pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"], asPostgres: true);
    }

    public async Task DisposeAsync()
    {
        if (Unavailable is not null || !Directory.Exists(DataFolder))
        {
            return;
        }

        await RunAsync(Tool("pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], asPostgres: true);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string Tool(string name) => Path.Combine(Probe.Value.BinDir!, name);

    private static (string?, string?) FindBinaries()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return (null, "PostgreSQL tests need Linux or macOS (initdb, pg_ctl)");
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []);
        var binDir = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (binDir is null)
        {
            return (null, "PostgreSQL binaries (initdb, pg_ctl) not found: install postgresql to run these tests");
        }

        if (IsRoot && (!File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser") || !UserExists("postgres")))
        {
            return (null, "running as root without runuser and a 'postgres' user: PostgreSQL cannot start");
        }

        return (binDir, null);
    }

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres && IsRoot ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres && IsRoot)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}

/// <summary>A fact that is skipped, with the reason, where PostgreSQL cannot run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>;
