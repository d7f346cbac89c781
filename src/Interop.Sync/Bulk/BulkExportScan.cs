using Hl7.Fhir.Model;
using Interop.Ehr.Ndjson;
using Interop.Fhir.Mapping;
using Interop.Fhir.Terminology;
using Interop.Sync.Live;

namespace Interop.Sync.Bulk;

/// <summary>
/// The first read of a staged export: which patients it screens by the candidate codes (<see cref="CandidateCodes"/>: an
/// ALL diagnosis, blinatumomab coded on the administration or a contained Medication, a trial-specific result), which
/// patients it touches with a record the rules read, how Patients link, and what it sets aside naming no patient. Keeps ids only, never a resource.
/// </summary>
internal sealed class BulkExportScan
{
    public SortedSet<string> Screened { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Touched { get; } = new(StringComparer.Ordinal);

    /// <summary>Patient id -> the ids its <c>Patient.link</c> names (only Patients with links).</summary>
    public Dictionary<string, List<string>> Links { get; } = new(StringComparer.Ordinal);

    public List<QuarantineEntry> Unattributed { get; } = [];

    public int ResourcesScanned { get; private set; }

    public static async Task<BulkExportScan> ScanAsync(string folder, TerminologyMap map, CancellationToken cancellationToken)
    {
        var scan = new BulkExportScan();
        var diagnoses = map.TokensFor(CandidateCodes.Diagnoses).ToHashSet(StringComparer.Ordinal);
        var blinatumomab = map.TokensFor([InputConcept.Blinatumomab]).ToHashSet(StringComparer.Ordinal);
        var screening = CandidateCodes.ScreeningObservationTokens(map).ToHashSet(StringComparer.Ordinal);
        var observations = CandidateCodes.AllObservationTokens(map).ToHashSet(StringComparer.Ordinal);
        await foreach (var item in new NdjsonFolderReader().ReadAsync(folder, cancellationToken))
        {
            scan.Add(item, diagnoses, blinatumomab, screening, observations);
        }

        return scan;
    }

    private void Add(SourceItem item, HashSet<string> diagnoses, HashSet<string> blinatumomab, HashSet<string> screening, HashSet<string> observations)
    {
        ResourcesScanned += item.Resource is null ? 0 : 1;
        var patientId = ExportPatientRefs.PatientOf(item);
        if (item.Failure is { } failure)
        {
            if (patientId is null)
            {
                Unattributed.Add(failure);
            }
            else
            {
                // A broken record naming its patient: the patient is read, and the record quarantined there, never skipped.
                Touched.Add(patientId);
                Screened.Add(patientId);
            }

            return;
        }

        // An Observation the rules do not read (a vital sign, our own outcomes written back) touches nobody: as in REST
        // discovery, only what the rules read makes a known patient a candidate again.
        if (patientId is null || (item.Resource is Observation other && !Has(other.Code, observations)))
        {
            return;
        }

        Touched.Add(patientId);
        var screens = item.Resource switch
        {
            Condition condition => Has(condition.Code, diagnoses),
            Observation observation => Has(observation.Code, screening),
            MedicationAdministration administration => Has(administration.Medication as CodeableConcept, blinatumomab)
                || administration.Contained.OfType<Medication>().Any(m => Has(m.Code, blinatumomab) || m.Ingredient.Any(i => Has(i.Item as CodeableConcept, blinatumomab))),
            _ => false,
        };
        if (screens)
        {
            Screened.Add(patientId);
        }

        if (item.Resource is Patient { Link.Count: > 0 } patient)
        {
            Links[patientId] = [.. patient.Link.Select(l => PatientReferences.IdOf(l.Other)).OfType<string>()];
        }
    }

    private static bool Has(CodeableConcept? concept, HashSet<string> tokens) =>
        concept?.Coding.Any(c => c.System is { } system && c.Code is { } code && tokens.Contains(system + "|" + code)) == true;
}
