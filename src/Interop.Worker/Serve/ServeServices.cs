using Interop.Worker.Configuration;
using Interop.Worker.Health;
using Interop.Worker.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Serve;

/// <summary>
/// The scheduled sync of <c>serve</c>, its health checks and telemetry. Add after the host's own registrations
/// (state store, EHR connections, FileSyncRunner, LiveSyncRunner, TimeProvider, InteropOptions); then map
/// <see cref="HealthEndpoints.MapInteropHealth"/>.
/// </summary>
internal static class ServeServices
{
    public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration)
    {
        var targets = SyncTargets.FromConfiguration(configuration);
        services.TryAddSingleton(targets);
        services.AddOptions<ScheduleOptions>()
            .Bind(configuration.GetSection(ScheduleOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>>(new ScheduleOptionsValidator(targets));
        services.AddOptions<HostOptions>().Configure<IOptions<ScheduleOptions>>((host, schedule) => host.ShutdownTimeout = schedule.Value.ShutdownTimeout);

        services.TryAddSingleton<SyncRunBoard>();
        services.TryAddSingleton<SchedulerProbe>();
        services.TryAddSingleton<SyncSchedules>();
        services.TryAddSingleton<ISyncJob, SyncJob>();
        services.TryAddSingleton<SyncCoordinator>();
        services.TryAddSingleton<ISyncTrigger>(sp => sp.GetRequiredService<SyncCoordinator>());
        services.AddHostedService<SyncScheduler>();
        services.AddInteropHealth(configuration);
        services.AddInteropTelemetry(configuration);
        return services;
    }

    /// <summary>
    /// Resolves the options of <c>serve</c> now (call beside <see cref="InteropHost.ValidateOptions"/>), so a bad setting
    /// fails before the host starts: invalid values throw <see cref="OptionsValidationException"/>, unknown keys
    /// <see cref="ConfigurationException"/>.
    /// </summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
            _ = services.GetRequiredService<IOptions<HealthOptions>>().Value;
            _ = services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }
}

/// <summary>Validates <see cref="ScheduleOptions"/> against the sync targets on start.</summary>
internal sealed class ScheduleOptionsValidator(SyncTargets targets) : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options) => InteropOptionsValidator.ToResult(options.Validate(targets.Names));
}
