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

    /// <summary>404; <paramref name="targets"/> (configured names, never patient data) listed in the extension <c>targets</c>.</summary>
    public static ProblemHttpResult NotFound(string title, IReadOnlyList<string> targets) =>
        TypedResults.Problem(
            title: title,
            detail: "Recorded targets: " + string.Join(", ", targets) + ".",
            statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["targets"] = targets });

    /// <summary>400: several targets are recorded and none was named; they are listed in the extension <c>targets</c>.</summary>
    public static ProblemHttpResult TargetRequired(IReadOnlyList<string> targets) =>
        TypedResults.Problem(
            title: "Several targets are recorded: name one with ehr (targets are never merged).",
            detail: "Recorded targets: " + string.Join(", ", targets) + ".",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["targets"] = targets });

    public static ProblemHttpResult Conflict(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult BadRequest(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult Unavailable(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status503ServiceUnavailable);
}
