using Hl7.Fhir.Model;

namespace Interop.Fhir.Validation;

/// <summary>One issue the validator raised.</summary>
/// <param name="Severity">Error and fatal issues make a resource invalid; warnings and information do not.</param>
/// <param name="Code">The OperationOutcome issue type (<c>invalid</c>, <c>code-invalid</c>, <c>incomplete</c>, ...).</param>
/// <param name="Number">Firely's issue number (e.g. <c>1028</c> missing member, <c>6007</c> code not in value set), when given.</param>
/// <param name="Location">The FHIRPath of the element concerned (e.g. <c>Observation.value[0]</c>); no values.</param>
/// <param name="Message">
/// The validator's text. It can quote the offending value (a code, a whole pattern, a date), so it is for tests
/// and for a developer at a console: never log it, and never put it in a run report or quarantine entry.
/// </param>
public sealed record ValidationIssue(
    OperationOutcome.IssueSeverity Severity,
    string Code,
    string? Number,
    string Location,
    string Message)
{
    /// <summary>Whether this issue makes the resource invalid.</summary>
    public bool IsError => Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal;
}
