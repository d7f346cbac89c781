using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interop.Sync.Live;

/// <summary>
/// What <see cref="LiveSyncRunner"/> needs besides the host's own registrations: register the runner with
/// <c>services.AddSingleton&lt;LiveSyncRunner&gt;()</c>, and the state store with <c>AddInteropStore</c>
/// (then <c>StateStore.MigrateAsync</c> once at start); <see cref="TrialSite"/> and
/// <c>IOptions&lt;TrialRuleOptions&gt;</c> come from the host.
/// </summary>
internal static class LiveSyncServices
{
    public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<LiveSyncOptions>();
        services.AddOptions<WriteBackOptions>()
            .Bind(configuration.GetSection(WriteBackOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WriteBackOptions>, WriteBackOptionsValidator>();
        return services;
    }
}

/// <summary>Validates <see cref="WriteBackOptions"/> on start.</summary>
internal sealed class WriteBackOptionsValidator : IValidateOptions<WriteBackOptions>
{
    public ValidateOptionsResult Validate(string? name, WriteBackOptions options) => options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
