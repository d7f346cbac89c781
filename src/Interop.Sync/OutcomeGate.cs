using Hl7.Fhir.Model;
using Interop.Fhir.Mapping;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Validation;

namespace Interop.Worker.Sync;

/// <summary>
/// Validation before write (docs/outcomes.md, "How it is written"): every resource of a patient's outcomes
/// against its profile. A failure is reported like a quarantined record, by profile, issue code and element
/// path only (the validator's message can quote values), and nothing of that patient is written.
/// </summary>
internal sealed class OutcomeGate(OutcomeValidator validator)
{
    /// <summary>The <see cref="QuarantineEntry.Location"/> of a validation failure.</summary>
    public const string Location = "validation";

    /// <summary>One entry per resource that failed; empty when every resource is valid.</summary>
    public List<QuarantineEntry> Check(PatientOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return Check(outcomes.All(), outcomes.PatientId);
    }

    /// <summary>One entry per resource of <paramref name="patientId"/> that failed; empty when every resource is valid.</summary>
    public List<QuarantineEntry> Check(IEnumerable<Resource> resources, string patientId)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var failures = new List<QuarantineEntry>();
        foreach (var resource in resources)
        {
            var result = validator.Validate(resource);
            if (!result.IsValid)
            {
                failures.Add(new QuarantineEntry(Location, result.ResourceType, result.ResourceId, patientId, result.Reason));
            }
        }

        return failures;
    }
}
