using System.Threading.Channels;
using Interop.Store;
using Interop.Testing;
using Interop.Worker.Configuration;
using Interop.Worker.Serve;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Worker.Tests.Serve;

/// <summary>
/// The <c>serve</c> host's schedule over a fake clock and a temporary SQLite store: the real host registrations,
/// <see cref="ServeServices.Add"/>, and (unless <paramref name="job"/> is null) a fake sync job.
/// </summary>
internal sealed class ScheduleHarness : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Channel<(string Target, DateTimeOffset Due)> _waits = Channel.CreateUnbounded<(string, DateTimeOffset)>();
    private bool _started;

    public ScheduleHarness(DateTimeOffset start, Dictionary<string, string?> settings, Func<TimeProvider, ISyncJob?>? job = null)
    {
        Time = new FakeTimeProvider(start);
        var all = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:ConnectionString"] = $"Data Source={Path.Combine(_folder.Path, "state.db")}",
            ["Interop:SiteTimeZone"] = "Europe/Amsterdam",
            ["Interop:OutputFolder"] = Path.Combine(_folder.Path, "out"),
            ["Interop:Source"] = RepositoryPaths.SampleExport,
            ["Interop:SiteMaps:0"] = RepositoryPaths.SampleSiteMap,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var fake = job?.Invoke(Time);
        Host = InteropHost.Build(all, new HostCustomization(TimeProvider: Time, Services: services =>
        {
            if (fake is not null)
            {
                services.AddSingleton(fake);
            }

            ServeServices.Add(services, configuration);
        }));
        Host.Services.GetRequiredService<SchedulerProbe>().Waiting = (target, due) => _waits.Writer.TryWrite((target, due));
    }

    public FakeTimeProvider Time { get; }

    public IHost Host { get; }

    public string OutputFolder => Path.Combine(_folder.Path, "out");

    public StateStore Store => Host.Services.GetRequiredService<StateStore>();

    public SyncCoordinator Coordinator => Host.Services.GetRequiredService<SyncCoordinator>();

    public async Task StartAsync()
    {
        _started = true;
        await Host.StartAsync();
    }

    /// <summary>Records a completed run of <paramref name="target"/> started at the fake clock's now.</summary>
    public async Task SeedCompletedRunAsync(string target)
    {
        await Store.MigrateAsync(CancellationToken.None);
        var id = await Store.StartRunAsync(target, SyncRunMode.File, Time.GetUtcNow(), TimeSpan.FromMinutes(2), CancellationToken.None);
        await Store.FinishRunAsync(id, new SyncRunCompletion(SyncRunStatus.Completed, 0, new SyncRunCounts(), []), CancellationToken.None);
    }

    /// <summary>The next occurrence a target's loop started waiting for (waits up to <paramref name="seconds"/>).</summary>
    public async Task<(string Target, DateTimeOffset Due)> NextWaitAsync(int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await _waits.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await Host.StopAsync();
        }

        Host.Dispose();
        _folder.Dispose();
    }
}
