using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interop.Store;

/// <summary>Registers the state store.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="StateStore"/> (singleton) configured from the <c>Store</c> section, with
    /// <see cref="StoreOptions"/> validated on start (unknown keys are errors, each naming the setting).
    /// Uses the registered <see cref="TimeProvider"/>, or the system clock. Call
    /// <see cref="StateStore.MigrateAsync"/> once at start.
    /// </summary>
    public static IServiceCollection AddInteropStore(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StoreOptions.SectionName);
        services.AddOptions<StoreOptions>()
            .Configure(o => StoreConfiguration.Bind(section, o))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>>(new StoreOptionsValidator(section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDbContextFactory<StateDbContext>>(sp =>
            new StateDbContextFactory(sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.TryAddSingleton(sp => new StateStore(
            sp.GetRequiredService<IDbContextFactory<StateDbContext>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}

/// <summary>Reads the <c>Store</c> section without the configuration binder (not a dependency of this library).</summary>
internal static class StoreConfiguration
{
    private static readonly string[] KnownKeys = [nameof(StoreOptions.Provider), nameof(StoreOptions.ConnectionString)];

    public static void Bind(IConfiguration section, StoreOptions options)
    {
        if (section[nameof(StoreOptions.Provider)] is { } provider)
        {
            options.Provider = provider;
        }

        if (section[nameof(StoreOptions.ConnectionString)] is { } connectionString)
        {
            options.ConnectionString = connectionString;
        }
    }

    public static IEnumerable<string> UnknownKeys(IConfiguration section) =>
        section.GetChildren()
            .Where(c => !KnownKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
            .Select(c => $"{StoreOptions.SectionName}:{c.Key} is not a known setting (known: {string.Join(", ", KnownKeys)})");
}

/// <summary>The options' own rules plus unknown keys in the section.</summary>
internal sealed class StoreOptionsValidator(IConfiguration section) : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var errors = StoreConfiguration.UnknownKeys(section).Concat(options.Validate()).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
