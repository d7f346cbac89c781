using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Interop.Client;

/// <summary>Registers <see cref="IInteropApi"/> with <c>IHttpClientFactory</c>.</summary>
public static class InteropClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IInteropApi"/> (a typed Refit client) with the options <paramref name="configure"/> sets,
    /// validated on start (and on first use outside a host). The factory's default request logging is removed: it would log
    /// each request's URI, and a subject's carries the patient id. Returns the HTTP client builder, to add resilience
    /// handlers or a primary handler.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the base address and one credential.</param>
    public static IHttpClientBuilder AddInteropClient(this IServiceCollection services, Action<InteropClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<InteropClientOptions>()
            .Configure(configure)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InteropClientOptions>, InteropClientOptionsValidator>();
        services.AddTransient<InteropCredentialsHandler>();
        // IHttpClientFactory's default loggers write each request's full URI, and /api/v1/subjects/{patientId} carries a patient id.
        return services.AddRefitGeneratedClient<IInteropApi>()
            .RemoveAllLoggers()
            .ConfigureHttpClient((sp, client) => client.BaseAddress = sp.GetRequiredService<IOptions<InteropClientOptions>>().Value.BaseAddress)
            .AddHttpMessageHandler<InteropCredentialsHandler>();
    }
}

/// <summary>Reports every option error by name.</summary>
internal sealed class InteropClientOptionsValidator : IValidateOptions<InteropClientOptions>
{
    public ValidateOptionsResult Validate(string? name, InteropClientOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
