using Interop.Ehr.Rest;
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
    /// <summary>
    /// How the unauthenticated connection made for a loopback <c>--source</c> URL that no configured EHR has is named: this,
    /// <c>@</c>, and the URL's authority and path (<c>ad-hoc@127.0.0.1:8080/fhir</c>). The name keys the state, so each
    /// such URL has its own ledger, watermark and run history (two local servers never share one).
    /// </summary>
    public const string AdHocPrefix = "ad-hoc@";

    /// <summary>The ad-hoc connection's name for <paramref name="url"/> (see <see cref="AdHocPrefix"/>).</summary>
    public static string AdHocNameFor(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return AdHocPrefix + url.Authority + url.AbsolutePath.TrimEnd('/');
    }

    /// <summary>The configured EHR names, in configuration order.</summary>
    public static IReadOnlyList<string> ConfiguredNames(IConfiguration configuration) =>
        configuration.GetSection(EhrConnectionOptions.SectionName).GetChildren().Select(c => c.Key).ToList();

    /// <summary>
    /// Registers every configured EHR and, when <paramref name="adHocBaseUrl"/> is a loopback URL, an unauthenticated
    /// connection to it named by <see cref="AdHocNameFor"/>.
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

        if (adHocBaseUrl is { IsLoopback: true } && !names.Contains(AdHocNameFor(adHocBaseUrl), StringComparer.OrdinalIgnoreCase))
        {
            services.AddFhirEhrClient(AdHocNameFor(adHocBaseUrl), o => o.BaseUrl = EhrBaseUrl.WithoutTrailingSlash(adHocBaseUrl));
        }

        services.AddSingleton(new ConfiguredEhrs(names));
        services.AddSingleton<Interop.Ehr.Bulk.IBulkExportStateStore, Sync.Bulk.StoreBulkExportState>();
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
