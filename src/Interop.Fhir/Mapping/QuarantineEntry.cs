namespace Interop.Fhir.Mapping;

/// <summary>
/// A record set aside: where it was, what it was (type and opaque id, when known) and why.
/// Never carries the record's content.
/// </summary>
/// <param name="Location">Where it was read: a file name and line (e.g. <c>Observation.ndjson:17</c>), or a request path.</param>
/// <param name="ResourceType">The resource type, when it could be read.</param>
/// <param name="ResourceId">The logical id, when it could be read.</param>
/// <param name="PatientId">The patient it belongs to, when it could be attributed (its outcomes are then withheld).</param>
/// <param name="Reason">Why, in words, naming the element (never its value when that is patient data).</param>
public sealed record QuarantineEntry(string Location, string? ResourceType, string? ResourceId, string? PatientId, string Reason)
{
    /// <summary>
    /// True when the record belongs to a patient who is not screened and is of a kind that could not have screened them
    /// (e.g. a white-cell count with a unit that cannot be read): it is reported, but it cannot change any outcome, so it
    /// does not make the run's exit code 3. False for every other entry.
    /// </summary>
    public bool OutsideScreening { get; init; }

    /// <summary>
    /// True when a whole source file (or its rest) could not be read and it can hold records of any patient: no patient's
    /// outcomes can be trusted this run, so every screened patient is withheld (file mode).
    /// </summary>
    public bool AffectsEveryPatient { get; init; }
}
