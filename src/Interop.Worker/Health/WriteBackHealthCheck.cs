using System.Globalization;
using Interop.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Worker.Health;

/// <summary>
/// An EHR's write-back: degraded while a patient is parked (an outcome identifier carried by several EHR resources, which
/// a person must fix: <c>GET /api/v1/outcome-conflicts</c> lists them), healthy otherwise. Counts only.
/// </summary>
internal sealed class WriteBackHealthCheck(string ehr, StateStore store) : IHealthCheck
{
    public static string NameOf(string ehr) => "write-back:" + ehr;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PendingPatient> pending;
        try
        {
            pending = await store.ListPendingPatientsAsync(ehr, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The store check reports the store; here only that the queue could not be read (its message stays out).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"The retry queue could not be read ({ex.GetType().Name}).");
        }

        return Assess(pending);
    }

    public static HealthCheckResult Assess(IReadOnlyList<PendingPatient> pending)
    {
        var parked = pending.Count(p => p.ParkedAt is not null);
        return parked == 0
            ? HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"No patient parked ({pending.Count} queued for the next run)."))
            : HealthCheckResult.Degraded(string.Create(
                CultureInfo.InvariantCulture,
                $"{parked} patient(s) parked: an outcome identifier is carried by several EHR resources; remove the extra ones (GET /api/v1/outcome-conflicts lists them)."));
    }
}
