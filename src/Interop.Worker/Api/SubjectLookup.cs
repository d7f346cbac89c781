using Interop.Store;
using Interop.Worker.Serve;

namespace Interop.Worker.Api;

/// <summary>
/// Finds a subject by patient id: on the named EHR, or, when none is named, on whichever of the sync targets
/// has the patient (ambiguous when several do: patient ids are only unique within one EHR).
/// </summary>
internal sealed class SubjectLookup(StateStore store, ISyncTrigger trigger)
{
    public async Task<SubjectLookupResult> FindAsync(string patientId, string? ehr, CancellationToken cancellationToken)
    {
        if (ehr is not null)
        {
            return new SubjectLookupResult(await store.GetSubjectStatusAsync(ehr, patientId, cancellationToken), []);
        }

        var found = new List<SubjectStatus>();
        foreach (var target in trigger.Targets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (await store.GetSubjectStatusAsync(target, patientId, cancellationToken) is { } status)
            {
                found.Add(status);
            }
        }

        return found.Count == 1 ? new SubjectLookupResult(found[0], []) : new SubjectLookupResult(null, found);
    }
}

/// <param name="Subject">The subject, when exactly one matched.</param>
/// <param name="Candidates">Every match when more than one EHR has the patient; empty otherwise.</param>
internal sealed record SubjectLookupResult(SubjectStatus? Subject, IReadOnlyList<SubjectStatus> Candidates)
{
    public bool Ambiguous => Candidates.Count > 1;
}
