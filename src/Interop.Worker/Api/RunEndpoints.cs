using Interop.Client.Contracts;
using Interop.Store;
using Interop.Worker.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interop.Worker.Api;

/// <summary><c>GET /api/v1/runs</c>, <c>GET /api/v1/runs/{runId}</c> and <c>POST /api/v1/runs</c> (operate role).</summary>
internal static class RunEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/runs", ListAsync).WithName("ListRuns").WithSummary("The run history, newest first.");
        api.MapGet("/runs/{runId:guid}", GetAsync).WithName("GetRun").WithSummary("A run with its quarantined records.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var log = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RunEndpoints).FullName!);
        api.MapPost("/runs", (ISyncTrigger trigger, HttpContext context, [FromBody] RunTriggerRequest? request, CancellationToken cancellationToken) =>
                TriggerAsync(trigger, log, context, request, cancellationToken)).WithName("TriggerRun").WithSummary("Starts a sync now.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(ApiRoles.Operate);
    }

    private static async Task<Results<Ok<Page<RunSummary>>, ValidationProblem>> ListAsync(
        StateStore store,
        [FromQuery] string? ehr,
        [FromQuery] string? skip,
        [FromQuery] string? take,
        CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var (name, from, size) = (errors.EhrName(ehr), errors.Skip(skip), errors.Take(take));
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var page = await store.ListRunsAsync(name, from, size, cancellationToken);
        return TypedResults.Ok(ApiViews.Page(page, ApiViews.Run));
    }

    private static async Task<Results<Ok<RunDetail>, ProblemHttpResult>> GetAsync(StateStore store, Guid runId, CancellationToken cancellationToken) =>
        await store.GetRunAsync(runId, cancellationToken) is { } run
            ? TypedResults.Ok(ApiViews.RunDetail(run))
            : ApiProblems.NotFound("No run with this id is recorded.");

    private static async Task<Results<Accepted<RunTriggerResponse>, ProblemHttpResult>> TriggerAsync(
        ISyncTrigger trigger,
        ILogger log,
        HttpContext context,
        RunTriggerRequest? request,
        CancellationToken cancellationToken)
    {
        SyncTriggerResult result;
        try
        {
            result = await trigger.TriggerAsync(request?.Target, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The service is stopping: no new run starts.
            return ApiProblems.Unavailable("The service is stopping; no sync can start now.");
        }

        ApiLog.RunTrigger(log, context.User.Identity?.Name ?? "unknown", result.Target ?? "-", result.Outcome);
        return result switch
        {
            { Outcome: SyncTriggerOutcome.Started, Target: { } target } => TypedResults.Accepted(
                "/api/v1/runs?ehr=" + Uri.EscapeDataString(target), new RunTriggerResponse(target, "started")),
            { Outcome: SyncTriggerOutcome.AlreadyRunning } => ApiProblems.Conflict("A sync of this target is already running."),
            _ when request?.Target is null && trigger.Targets.Count > 1 => ApiProblems.BadRequest(
                "Several sync targets are configured; name one in the request's target.",
                "Targets: " + string.Join(", ", trigger.Targets)),
            _ => ApiProblems.NotFound("No sync target of this name is configured."),
        };
    }
}
