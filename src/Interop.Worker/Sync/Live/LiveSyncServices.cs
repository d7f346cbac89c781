using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interop.Worker.Sync.Live;

/// <summary>
/// What <see cref="LiveSyncRunner"/> needs besides the host's own registrations: register the runner with
/// <c>services.AddSingleton&lt;LiveSyncRunner&gt;()</c>, and the state store with <c>AddInteropStore</c>
/// (then <c>StateStore.MigrateAsync</c> once at start); <c>IOptions&lt;InteropOptions&gt;</c> and
/// <c>IOptions&lt;TrialRuleOptions&gt;</c> come from the host.
/// </summary>
internal static class LiveSyncServices
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<LiveSyncOptions>();
        return services;
    }
}
