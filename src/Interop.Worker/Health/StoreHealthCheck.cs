using Interop.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Worker.Health;

/// <summary>Ready only when the state store answers a query.</summary>
internal sealed class StoreHealthCheck(StateStore store) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var runs = await store.ListRunsAsync(null, 0, 1, cancellationToken);
            return HealthCheckResult.Healthy($"The store answers ({runs.Total} runs recorded).");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure to answer is the finding; its message (which can name the database) stays out.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"The store did not answer ({ex.GetType().Name}).");
        }
    }
}
