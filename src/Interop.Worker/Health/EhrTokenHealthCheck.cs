using System.Globalization;
using Interop.Ehr.Auth;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Worker.Health;

/// <summary>
/// A SMART Backend Services EHR's access token: degraded when the latest token request failed. A token near or past its
/// expiry is not by itself a problem: tokens live minutes and are renewed on demand before each use, so between nightly
/// runs the cached one has always expired; what needs attention is the token endpoint refusing or failing.
/// </summary>
internal sealed class EhrTokenHealthCheck(string ehrName, IServiceProvider services) : IHealthCheck
{
    public static string NameOf(string ehrName) => "token:" + ehrName;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Assess(EhrTokenStatus.Get(services, ehrName)));

    public static HealthCheckResult Assess(EhrTokenState? state) => state switch
    {
        null => HealthCheckResult.Healthy("No SMART token in use."),
        { LastRequestFailed: true } => HealthCheckResult.Degraded($"The last token request, at {Format(state.LastFailedAt)}, failed."),
        { ExpiresAt: null } => HealthCheckResult.Healthy("No token requested yet (one is requested at the next run)."),
        _ => HealthCheckResult.Healthy($"Last token issued {Format(state.IssuedAt)}, valid until {Format(state.ExpiresAt)}; renewed on demand."),
    };

    private static string Format(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}
