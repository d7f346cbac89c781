using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Interop.Worker.Api;

/// <summary>The API's error answers: fixed wording, never an exception message or patient data.</summary>
internal static class ApiProblems
{
    public static ValidationProblem Invalid(QueryErrors errors) =>
        TypedResults.ValidationProblem(errors.Errors, title: "One or more query parameters are invalid.");

    public static ProblemHttpResult NotFound(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult BadRequest(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult Unavailable(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status503ServiceUnavailable);
}
