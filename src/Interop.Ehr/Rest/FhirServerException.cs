using System.Globalization;
using System.Net;
using System.Text;
using Hl7.Fhir.Model;

namespace Interop.Ehr.Rest;

/// <summary>
/// The FHIR server answered with an error status (4xx/5xx, after any retries). The message carries the
/// status and each issue's severity and code only: diagnostics text can quote submitted values.
/// </summary>
public sealed class FhirServerException : FhirEhrException
{
    public FhirServerException()
    {
    }

    public FhirServerException(string message)
        : base(message)
    {
    }

    public FhirServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FhirServerException(string method, string path, HttpStatusCode statusCode, OperationOutcome? outcome)
        : base(method, path, Describe(method, path, statusCode, outcome), null)
    {
        StatusCode = statusCode;
        Outcome = outcome;
    }

    /// <summary>The HTTP status the server answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The OperationOutcome the server sent as the body, when it sent one. Its diagnostics may quote
    /// patient data: read the issue codes, do not log the text.
    /// </summary>
    public OperationOutcome? Outcome { get; }

    private static string Describe(string method, string path, HttpStatusCode status, OperationOutcome? outcome)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"The FHIR server rejected {method} {path}: HTTP {(int)status} {status}");
        if (outcome is { Issue.Count: > 0 })
        {
            text.Append(" (");
            text.AppendJoin(", ", outcome.Issue.Take(5).Select(i => $"{Code(i.Severity)} {Code(i.Code)}"));
            if (outcome.Issue.Count > 5)
            {
                text.Append(CultureInfo.InvariantCulture, $", and {outcome.Issue.Count - 5} more");
            }

            text.Append(')');
        }

        return text.Append('.').ToString();
    }

    private static string Code<T>(T? value)
        where T : struct, Enum =>
        value is { } v ? Hl7.Fhir.Utility.EnumUtility.GetLiteral(v) ?? "unknown" : "unknown";
}
