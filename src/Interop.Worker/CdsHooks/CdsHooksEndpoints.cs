using System.Text.Json;
using Interop.Worker.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Interop.Worker.CdsHooks;

/// <summary>CDS Hooks 2.0: <c>GET /cds-services</c> (discovery) and <c>POST /cds-services/{id}</c>, read role or a trusted CDS client.</summary>
internal static class CdsHooksEndpoints
{
    public const string ServiceId = "blinfant-trial-status";

    /// <summary>Where CDS Hooks is served: discovery here, each service below.</summary>
    public const string BasePath = "/cds-services";

    private static readonly CdsDiscovery Discovery = new(
    [
        new CdsServiceDescriptor(
            CdsHooksResponder.Hook,
            "BlinFant trial status",
            "Whether the patient is eligible for the BlinFant trial (blinatumomab for infants with KMT2A-rearranged ALL), "
                + "ineligible and why, undetermined and what is missing, or on study with the course day and MRD class.",
            ServiceId,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["patient"] = "Patient/{{context.patientId}}" }),
    ]);

    /// <summary>
    /// Maps the discovery endpoint and the service, both requiring the read role or a trusted CDS client, outside the
    /// OpenAPI document (CDS Hooks has its own discovery).
    /// </summary>
    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder endpoints)
    {
        var cds = endpoints.MapGroup(BasePath).RequireAuthorization(ApiRoles.CdsHooksPolicy).ExcludeFromDescription();
        cds.MapGet("/", () => TypedResults.Ok(Discovery));
        cds.MapPost("/{id}", ServeAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<CdsResponse>, ProblemHttpResult>> ServeAsync(
        string id,
        [FromBody] JsonElement request,
        CdsHooksResponder responder,
        CancellationToken cancellationToken)
    {
        if (id != ServiceId)
        {
            return ApiProblems.NotFound("No CDS service with this id.");
        }

        var answer = await responder.AnswerAsync(request, cancellationToken);
        if (answer.Response is not { } response)
        {
            return ApiProblems.BadRequest("The CDS Hooks request is invalid.", answer.Error);
        }

        return TypedResults.Ok(response);
    }
}
