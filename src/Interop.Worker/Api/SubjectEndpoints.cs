using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Interop.Client.Contracts;
using Interop.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Api;

/// <summary><c>GET /api/v1/subjects</c> and <c>GET /api/v1/subjects/{patientId}</c>.</summary>
internal static class SubjectEndpoints
{
    private static readonly string[] Verdicts = ["eligible", "ineligible", "undetermined"];

    private static readonly string[] ResearchSubjectStatuses =
        [.. Enum.GetValues<ResearchSubject.ResearchSubjectStatus>().Select(s => s.GetLiteral())];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/subjects", ListAsync).WithName("ListSubjects").WithSummary("Subjects by EHR and patient id, filtered and paged.");
        api.MapGet("/subjects/{patientId}", GetAsync).WithName("GetSubject").WithSummary("Everything recorded about a subject, with reasons in words.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<Page<SubjectListItem>>, ValidationProblem>> ListAsync(
        StateStore store,
        [FromQuery] string? verdict,
        [FromQuery] string? status,
        [FromQuery] string? ehr,
        [FromQuery] string? skip,
        [FromQuery] string? take,
        CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var query = new SubjectStatusQuery(
            errors.EhrName(ehr),
            errors.OneOf(nameof(verdict), verdict, Verdicts),
            errors.OneOf(nameof(status), status, ResearchSubjectStatuses),
            errors.Skip(skip),
            errors.Take(take));
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var page = await store.ListSubjectStatusesAsync(query, cancellationToken);
        return TypedResults.Ok(ApiViews.Page(page, ApiViews.ListItem));
    }

    private static async Task<Results<Ok<SubjectDetail>, ProblemHttpResult, ValidationProblem>> GetAsync(
        SubjectLookup lookup,
        string patientId,
        [FromQuery] string? ehr,
        CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        errors.EhrName(ehr);
        if (!Id.IsValidValue(patientId))
        {
            errors.Add(nameof(patientId), "patientId must be a FHIR logical id (letters, digits, '-' and '.', at most 64).");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var found = await lookup.FindAsync(patientId, ehr, cancellationToken);
        if (found.Ambiguous)
        {
            return ApiProblems.Conflict(
                "The patient id is recorded on more than one EHR; name one with the ehr parameter.",
                "EHRs: " + string.Join(", ", found.Candidates.Select(c => c.EhrName)));
        }

        return found.Subject is { } subject
            ? TypedResults.Ok(ApiViews.Detail(subject))
            : ApiProblems.NotFound("No subject with this patient id is recorded.");
    }
}
