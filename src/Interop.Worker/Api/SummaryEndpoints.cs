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
        api.MapGet("/trial/summary", GetAsync)
            .WithName("GetTrialSummary")
            .WithSummary("The cohort report of one target as of a date (default: the latest run's).")
            .WithDescription("ehr names the target (EHR configured name, or file); it may be omitted when only one target is recorded. "
                + "With several recorded and none named the answer is 400 listing them in the problem's 'targets': targets are never merged.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<TrialSummary>, ProblemHttpResult, ValidationProblem>> GetAsync(
        ITrialSummarySource source,
        [FromQuery] string? asOf,
        [FromQuery] string? ehr,
        CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var date = errors.Date(nameof(asOf), asOf);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var answer = await source.GetSummaryAsync(ehr, date, cancellationToken);
        return answer.Status switch
        {
            CohortTargetStatus.Reported when answer.Summary is { } summary => TypedResults.Ok(summary),
            CohortTargetStatus.TargetRequired => ApiProblems.TargetRequired(answer.Targets),
            CohortTargetStatus.UnknownTarget => ApiProblems.NotFound("No subject is recorded for this ehr.", answer.Targets),
            _ => ApiProblems.NotFound("No subject is recorded yet: run a sync first."),
        };
    }
}
