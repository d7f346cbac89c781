using Interop.Client.Contracts;
using Interop.Worker.Report;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Interop.Worker.Api;

/// <summary><c>GET /api/v1/trial/summary</c>: the cohort report as JSON.</summary>
internal static class SummaryEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/trial/summary", GetAsync).WithName("GetTrialSummary").WithSummary("The cohort report as of a date (default: the latest run's).");

    private static async Task<Results<Ok<TrialSummary>, ProblemHttpResult, ValidationProblem>> GetAsync(
        ITrialSummarySource source,
        [FromQuery] string? asOf,
        CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var date = errors.Date(nameof(asOf), asOf);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        return await source.GetSummaryAsync(date, cancellationToken) is { } summary
            ? TypedResults.Ok(summary)
            : ApiProblems.NotFound("No subject is recorded yet: run a sync first.");
    }
}
