using Interop.Ehr.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Configuration;

/// <summary>
/// The <c>Ehrs</c> section: one FHIR connection per sub-section name (<c>Ehrs:&lt;name&gt;</c>), each bound to
/// <see cref="EhrConnectionOptions"/> with unknown keys an error, and validated before any work.
/// </summary>
internal static class EhrConfiguration
{
    /// <summary>The name of the unauthenticated connection made for a loopback <c>--source</c> URL that no configured EHR has.</summary>
    public const string AdHocName = "ad-hoc";

    /// <summary>The configured EHR names, in configuration order.</summary>
    public static IReadOnlyList<string> ConfiguredNames(IConfiguration configuration) =>
        configuration.GetSection(EhrConnectionOptions.SectionName).GetChildren().Select(c => c.Key).ToList();

    /// <summary>
    /// Registers every configured EHR and, when <paramref name="adHocBaseUrl"/> is a loopback URL and no EHR is named
    /// <see cref="AdHocName"/>, an unauthenticated connection to it.
    /// </summary>
    public static void AddInteropEhrs(IServiceCollection services, IConfiguration configuration, Uri? adHocBaseUrl)
    {
        var names = ConfiguredNames(configuration);
        foreach (var name in names)
        {
            services.AddFhirEhrClient(name);
            services.AddOptions<EhrConnectionOptions>(name)
                .Bind(configuration.GetSection(EhrConnectionOptions.SectionFor(name)), o => o.ErrorOnUnknownConfiguration = true)
                .PostConfigure(o => o.BaseUrl = EhrBaseUrl.WithoutTrailingSlash(o.BaseUrl));
        }

        if (adHocBaseUrl is { IsLoopback: true } && !names.Contains(AdHocName, StringComparer.OrdinalIgnoreCase))
        {
            services.AddFhirEhrClient(AdHocName, o => o.BaseUrl = EhrBaseUrl.WithoutTrailingSlash(adHocBaseUrl));
        }

        services.AddSingleton(new ConfiguredEhrs(names));
    }

    /// <summary>Binds and validates every configured EHR now (bad values: <see cref="OptionsValidationException"/>; unknown keys: <see cref="InvalidOperationException"/>).</summary>
    public static void Validate(IServiceProvider services)
    {
        var monitor = services.GetRequiredService<IOptionsMonitor<EhrConnectionOptions>>();
        var failures = new List<string>();
        foreach (var name in services.GetRequiredService<ConfiguredEhrs>().Names)
        {
            try
            {
                _ = monitor.Get(name);
            }
            catch (OptionsValidationException ex)
            {
                failures.AddRange(ex.Failures);
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(EhrConnectionOptions.SectionName, typeof(EhrConnectionOptions), failures);
        }
    }
}

/// <summary>The names under <c>Ehrs</c>.</summary>
internal sealed record ConfiguredEhrs(IReadOnlyList<string> Names);
