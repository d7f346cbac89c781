using Interop.Ehr.Auth;
using Interop.Ehr.DependencyInjection;
using Interop.Worker.Configuration;
using Interop.Worker.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Health;

/// <summary>
/// The health endpoints: <c>/health/live</c> (the process answers) and <c>/health/ready</c> (store, each target's last run,
/// each EHR's parked patients, SMART tokens).
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>Registers the readiness checks: the store, one per sync target, one per EHR's write-back, one per SMART Backend Services EHR.</summary>
    public static IServiceCollection AddInteropHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>()
            .Bind(configuration.GetSection(HealthOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();

        var checks = services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, tags: [ReadyTag]);
        foreach (var target in SyncTargets.FromConfiguration(configuration).Names)
        {
            checks.Add(new HealthCheckRegistration(
                TargetRunHealthCheck.NameOf(target),
                sp => ActivatorUtilities.CreateInstance<TargetRunHealthCheck>(sp, target),
                failureStatus: null,
                tags: [ReadyTag]));
        }

        foreach (var ehr in EhrConfiguration.ConfiguredNames(configuration))
        {
            checks.Add(new HealthCheckRegistration(
                WriteBackHealthCheck.NameOf(ehr), sp => ActivatorUtilities.CreateInstance<WriteBackHealthCheck>(sp, ehr), failureStatus: null, tags: [ReadyTag]));
        }

        foreach (var ehr in EhrConfiguration.ConfiguredNames(configuration).Where(n => UsesSmart(configuration, n)))
        {
            checks.Add(new HealthCheckRegistration(
                EhrTokenHealthCheck.NameOf(ehr), sp => new EhrTokenHealthCheck(ehr, sp), failureStatus: null, tags: [ReadyTag]));
        }

        return services;
    }

    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>, both anonymous.</summary>
    public static IEndpointRouteBuilder MapInteropHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        return endpoints;
    }

    private static bool UsesSmart(IConfiguration configuration, string ehr) =>
        Enum.TryParse<EhrAuthMode>(configuration[$"{EhrConnectionOptions.SectionFor(ehr)}:Auth:Mode"], ignoreCase: true, out var mode)
        && mode == EhrAuthMode.SmartBackendServices;
}

/// <summary>Validates <see cref="HealthOptions"/> on start.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) => InteropOptionsValidator.ToResult(options.Validate());
}
