using System.Globalization;
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
        services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout(configuration));

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
    /// <c>Schedule:ShutdownTimeout</c> read without the validated options: the host resolves its own options while it is
    /// built, before any validation could be reported. A bad value keeps the default here and fails validation on start.
    /// </summary>
    private static TimeSpan ShutdownTimeout(IConfiguration configuration)
    {
        var text = configuration[$"{ScheduleOptions.SectionName}:{nameof(ScheduleOptions.ShutdownTimeout)}"];
        var defaults = new ScheduleOptions();
        return text is not null && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var configured)
            && new ScheduleOptions { ShutdownTimeout = configured }.Validate([]).Count == 0
                ? configured
                : defaults.ShutdownTimeout;
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
