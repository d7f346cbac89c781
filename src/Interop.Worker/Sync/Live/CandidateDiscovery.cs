using System.Globalization;
using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using Interop.Fhir.Terminology;
using Interop.Store;

namespace Interop.Worker.Sync.Live;

/// <summary>
/// Finds the patients a run must (re-)evaluate by code, never by scanning every patient: subjects of the
/// mapped ALL diagnoses, blinatumomab administrations and trial-specific results (KMT2A, MRD, marrow blasts,
/// CD19: a leukaemia work-up screens a patient even when the problem list lacks the ALL diagnosis) - always;
/// incrementally only those changed since the watermark - and on incremental runs also the known candidates
/// (rows in the ledger) whose other relevant Observations, induction-drug administrations or Patient resource changed.
/// </summary>
/// <remarks>
/// Patient changes are searched as <c>Patient?_lastUpdated=gt..</c> and intersected with the ledger locally:
/// one request (more only when many Patients changed), where an <c>_id=</c> list of every known candidate
/// would cost requests in proportion to the cohort on every run, unchanged or not.
/// </remarks>
internal sealed class CandidateDiscovery(FhirClient client, StateStore store, LiveSyncOptions options)
{
    /// <summary>LOINC Genetic variant assessment: KMT2A by HL7 Genomics Reporting (recognised by the mapper, not the map).</summary>
    private const string GenomicVariantToken = "http://loinc.org|69548-6";

    private static readonly InputConcept[] Diagnoses = [InputConcept.BcpAll, InputConcept.AllUnspecifiedLineage, InputConcept.AllRelapse];

    /// <summary>Results that screen a patient on their own (the assembler's trial-specific kinds).</summary>
    private static readonly InputConcept[] ScreeningObservationConcepts =
    [
        InputConcept.Kmt2aRearrangement, InputConcept.BmBlastsPercent, InputConcept.Mrd, InputConcept.MrdPcr, InputConcept.MrdFlow,
        InputConcept.Cd19Blasts,
    ];

    /// <summary>Results that matter only for a patient already screened.</summary>
    private static readonly InputConcept[] OtherObservationConcepts =
    [
        InputConcept.Wbc, InputConcept.PbBlastsAbsolute, InputConcept.CsfBlasts, InputConcept.CsfWbc, InputConcept.Bsa,
    ];

    /// <summary>The candidates' patient ids (ordinal order, as referenced), from every discovery search.</summary>
    public async Task<SortedSet<string>> DiscoverAsync(string ehrName, TerminologyMap map, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        await AddSubjectsAsync(candidates, "Condition", map.TokensFor(Diagnoses), since, cancellationToken);
        await AddSubjectsAsync(candidates, "MedicationAdministration", map.TokensFor([InputConcept.Blinatumomab]), since, cancellationToken);
        await AddSubjectsAsync(candidates, "Observation", [.. map.TokensFor(ScreeningObservationConcepts), GenomicVariantToken], since, cancellationToken);
        if (since is null)
        {
            return candidates;
        }

        var known = new SortedSet<string>(StringComparer.Ordinal);
        await AddSubjectsAsync(known, "Observation", map.TokensFor(OtherObservationConcepts), since, cancellationToken);
        await AddSubjectsAsync(known, "MedicationAdministration", map.TokensFor([InputConcept.InductionDrug]), since, cancellationToken);
        await foreach (var patient in client.SearchItemsAsync("Patient", Parameters(null, since), cancellationToken))
        {
            if ((patient.Resource?.Id ?? patient.Failure?.ResourceId) is { Length: > 0 } id)
            {
                known.Add(id);
            }
        }

        foreach (var patientId in known)
        {
            if (!candidates.Contains(patientId)
                && (await store.GetLedgerAsync(ehrName, patientId, cancellationToken)).Count > 0)
            {
                candidates.Add(patientId);
            }
        }

        return candidates;
    }

    private async System.Threading.Tasks.Task AddSubjectsAsync(
        SortedSet<string> into, string resourceType, IReadOnlyList<string> tokens, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        foreach (var chunk in tokens.Distinct(StringComparer.Ordinal).Chunk(Math.Max(1, options.CodesPerSearch)))
        {
            var code = string.Join(',', chunk.Select(EscapeToken));
            await foreach (var item in client.SearchItemsAsync(resourceType, Parameters(code, since), cancellationToken))
            {
                var subject = item.Resource switch
                {
                    Condition c => c.Subject,
                    MedicationAdministration m => m.Subject,
                    Observation o => o.Subject,
                    _ => null,
                };

                // A resource that is not valid FHIR still names its patient when that could be read: the patient is read and
                // the record quarantined there, rather than the run failing or the patient going unseen.
                if ((PatientReferences.IdOf(subject) ?? item.Failure?.PatientId) is { } patientId)
                {
                    into.Add(patientId);
                }
            }
        }
    }

    private List<KeyValuePair<string, string>> Parameters(string? code, DateTimeOffset? since)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        if (code is not null)
        {
            parameters.Add(new("code", code));
        }

        if (since is { } instant)
        {
            parameters.Add(new("_lastUpdated", "gt" + instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
        }

        parameters.Add(new("_count", options.PageSize.ToString(CultureInfo.InvariantCulture)));
        return parameters;
    }

    // A token's ',' and '|' inside the code would split it: FHIR escapes them with '\' (system|code keeps its one '|').
    private static string EscapeToken(string token)
    {
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        var system = token[..bar];
        var code = token[(bar + 1)..];
        return Escape(system) + "|" + Escape(code);
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal);
}

/// <summary>Patient ids out of references.</summary>
internal static class PatientReferences
{
    /// <summary>The id of a literal <c>Patient/x</c> reference (relative, absolute, or versioned), or null.</summary>
    public static string? IdOf(ResourceReference? reference)
    {
        var text = reference?.Reference;
        if (string.IsNullOrWhiteSpace(text) || text.StartsWith('#'))
        {
            return null;
        }

        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var history = Array.IndexOf(parts, "_history");
        var end = history >= 0 ? history : parts.Length;
        return end >= 2 && string.Equals(parts[end - 2], "Patient", StringComparison.Ordinal) ? parts[end - 1] : null;
    }
}
