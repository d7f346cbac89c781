using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Mapping;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Serialization;
using Interop.Fhir.Validation;

namespace Interop.Sync;

/// <summary>
/// Validation before write (docs/outcomes.md, "How it is written"): every resource of a patient's outcomes
/// against its profile. A failure is reported like a quarantined record, by profile, issue code and element
/// path only (the validator's message can quote values), and nothing of that patient is written. A resource
/// whose exact content passed under the same profile set before (<see cref="ValidationCache"/>) is not validated
/// again, and a validator is borrowed from the pool only when one is needed (no warm-up when nothing is new).
/// </summary>
public sealed class OutcomeGate
{
    /// <summary>The <see cref="QuarantineEntry.Location"/> of a validation failure.</summary>
    public const string Location = "validation";

    private readonly OutcomeValidatorPool _pool;
    private readonly ValidationCache _cache;

    /// <summary>A gate over <paramref name="pool"/> (default: the process-wide one) that skips what <paramref name="cache"/> knows.</summary>
    public OutcomeGate(ValidationCache? cache = null, OutcomeValidatorPool? pool = null)
    {
        _pool = pool ?? OutcomeValidatorPool.Shared;
        _cache = cache ?? new ValidationCache();
    }

    /// <summary>One entry per resource that failed; empty when every resource is valid. Thread-safe.</summary>
    public List<QuarantineEntry> Check(PatientOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return Check(outcomes.All(), outcomes.PatientId);
    }

    /// <summary>
    /// As <see cref="Check(PatientOutcomes)"/>, and each resource's JSON as it was hashed: what a file sink writes, so that the
    /// content written is the content checked, serialised once.
    /// </summary>
    public (List<QuarantineEntry> Failures, OutcomeJson Json) CheckAndSerialise(PatientOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var json = new OutcomeJson();
        return (Check(outcomes.All(), outcomes.PatientId, json), json);
    }

    /// <summary>One entry per resource of <paramref name="patientId"/> that failed; empty when every resource is valid. Thread-safe.</summary>
    public List<QuarantineEntry> Check(IEnumerable<Resource> resources, string patientId) => Check(resources, patientId, null);

    private List<QuarantineEntry> Check(IEnumerable<Resource> resources, string patientId, OutcomeJson? keep)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var failures = new List<QuarantineEntry>();
        OutcomeValidatorPool.Lease? lease = null;
        try
        {
            foreach (var resource in resources)
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(resource, FhirJson.Options);
                keep?.Add(resource, json);
                var hash = ValidationCache.HashOf(json);
                if (_cache.IsKnownValid(hash))
                {
                    continue;
                }

                lease ??= _pool.Rent();
                var result = lease.Validator.Validate(resource);
                if (result.IsValid)
                {
                    _cache.AddValid(hash);
                }
                else
                {
                    failures.Add(new QuarantineEntry(Location, result.ResourceType, result.ResourceId, patientId, result.Reason));
                }
            }
        }
        finally
        {
            lease?.Dispose();
        }

        return failures;
    }
}
