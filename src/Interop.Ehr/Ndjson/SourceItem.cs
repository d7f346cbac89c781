using Hl7.Fhir.Model;
using Interop.Fhir.Mapping;

namespace Interop.Ehr.Ndjson;

/// <summary>One line of a source: the resource it held, or why it was set aside. Exactly one of the two is set.</summary>
/// <param name="Location">Where it was read: file name and 1-based line number, e.g. <c>Observation.ndjson:17</c> (never a machine path).</param>
/// <param name="Resource">The parsed resource, when the line was valid FHIR JSON.</param>
/// <param name="Failure">The quarantine entry, when it was not.</param>
public sealed record SourceItem(string Location, Resource? Resource, QuarantineEntry? Failure);
