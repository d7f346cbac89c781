using Interop.Ehr.Rest;
using Interop.Ehr.Auth;
using Interop.Ehr.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Configuration;

/// <summary>The EHR a <c>--source</c> URL designates: a configured one, or the ad-hoc loopback connection.</summary>
internal sealed record EhrTarget(string Name, Uri BaseUrl, EhrConnectionOptions Options)
{
    public bool IsAdHoc => Name.StartsWith(EhrConfiguration.AdHocPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Picks the configured EHR whose BaseUrl is <paramref name="url"/> (trailing slash ignored); otherwise the
    /// ad-hoc unauthenticated connection, allowed only for a loopback host. Throws <see cref="ConfigurationException"/>
    /// naming the problem (the URL is printed without query or user info).
    /// </summary>
    public static EhrTarget Resolve(Uri url, IServiceProvider services)
    {
        var shown = EhrBaseUrl.Display(url);
        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw new ConfigurationException($"--source {shown}: a FHIR base URL has no query string, fragment or user info.");
        }

        var monitor = services.GetRequiredService<IOptionsMonitor<EhrConnectionOptions>>();
        foreach (var name in services.GetRequiredService<ConfiguredEhrs>().Names)
        {
            var options = monitor.Get(name);
            if (options.BaseUrl is { } configured && EhrBaseUrl.SameBase(configured, url))
            {
                return new EhrTarget(name, configured, options);
            }
        }

        if (!url.IsLoopback)
        {
            var transport = url.Scheme == Uri.UriSchemeHttp
                ? " Plain http is refused for a host that is not loopback: use https (or set Ehrs:<name>:AllowInsecureHttp on a closed test network)."
                : string.Empty;
            throw new ConfigurationException(
                $"--source {shown} is not a configured EHR, and a connection without authentication is allowed only to this machine (loopback): "
                + $"configure Ehrs:<name> with authentication (BaseUrl {shown}, Auth:Mode Bearer or SmartBackendServices).{transport}");
        }

        var adHocName = EhrConfiguration.AdHocNameFor(url);
        var adHoc = monitor.Get(adHocName);
        if (adHoc.Auth.Mode != EhrAuthMode.None || adHoc.BaseUrl is null || !EhrBaseUrl.SameBase(adHoc.BaseUrl, url))
        {
            throw new ConfigurationException($"--source {shown}: no connection for it was registered at start; configure it under Ehrs:<name>.");
        }

        return new EhrTarget(adHocName, adHoc.BaseUrl, adHoc);
    }
}
