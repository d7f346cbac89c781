using Interop.Client.Contracts;
using Interop.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Interop.Worker.Api;

/// <summary>
/// <c>GET /api/v1/outcome-conflicts</c>: what write-back cannot settle alone (ADR 0007): outcome identifiers carried by
/// several EHR resources (with whether the patient is parked) and outcomes edited on the EHR by someone else.
/// </summary>
internal static class OutcomeConflictEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/outcome-conflicts", ListAsync).WithName("ListOutcomeConflicts")
            .WithSummary("Outcomes whose EHR state needs a person: duplicated identifiers and outside edits.");

    private static async Task<Results<Ok<List<OutcomeConflictView>>, ValidationProblem>> ListAsync(
        StateStore store, [FromQuery] string? ehr, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var name = errors.EhrName(ehr);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var conflicts = await store.ListOutcomeConflictsAsync(name, cancellationToken);
        var pending = new Dictionary<(string, string), PendingPatient>();
        foreach (var target in conflicts.Select(c => c.EhrName).Distinct(StringComparer.Ordinal))
        {
            foreach (var queued in await store.ListPendingPatientsAsync(target, cancellationToken))
            {
                pending[(target, queued.PatientId)] = queued;
            }
        }

        var views = conflicts.Select(c => new OutcomeConflictView
        {
            Ehr = c.EhrName,
            PatientId = c.PatientId,
            OutcomeIdentifier = c.OutcomeIdentifier,
            Kind = c.Kind,
            ResourceIds = c.ResourceIds,
            Since = c.FirstSeenAt,
            Parked = pending.GetValueOrDefault((c.EhrName, c.PatientId))?.ParkedAt is not null,
            Attempts = pending.GetValueOrDefault((c.EhrName, c.PatientId))?.Attempts ?? 0,
        }).ToList();
        foreach (var (ehrName, entry) in await store.ListEditedOutsideAsync(name, cancellationToken))
        {
            views.Add(new OutcomeConflictView
            {
                Ehr = ehrName,
                PatientId = entry.PatientId,
                OutcomeIdentifier = entry.OutcomeIdentifier,
                Kind = "edited-outside",
                ResourceIds = entry.ServerResourceId is { } id ? ["Observation/" + id] : [],
                Since = entry.EditedOutsideAt!.Value,
            });
        }

        return TypedResults.Ok(views);
    }
}
