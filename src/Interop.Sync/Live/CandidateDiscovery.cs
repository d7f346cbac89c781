using System.Globalization;
using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using Interop.Fhir.Terminology;
using Interop.Store;

namespace Interop.Sync.Live;

/// <summary>
/// Finds the patients a run must (re-)evaluate by code, never by scanning every patient: subjects of the
/// mapped ALL diagnoses, blinatumomab administrations (also those given through a referenced Medication coded as
/// blinatumomab or by its ingredient) and trial-specific results (KMT2A, MRD, marrow blasts, CD19: a leukaemia work-up
/// screens a patient even when the problem list lacks the ALL diagnosis) - always; incrementally only those changed
/// since the watermark - and on incremental runs also the known candidates (rows in the ledger) whose other relevant
/// Observations, induction-drug administrations or Patient resource changed.
/// </summary>
/// <remarks>
/// Patient changes are searched as <c>Patient?_lastUpdated=gt..</c> and intersected with the ledger locally:
/// one request (more only when many Patients changed), where an <c>_id=</c> list of every known candidate
/// would cost requests in proportion to the cohort on every run, unchanged or not.
/// </remarks>
internal sealed class CandidateDiscovery(FhirClient client, StateStore store, LiveSyncOptions options)
{
    /// <summary>The candidates' patient ids (ordinal order, as referenced), from every discovery search.</summary>
    public async Task<SortedSet<string>> DiscoverAsync(string ehrName, TerminologyMap map, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        await AddSubjectsAsync(candidates, "Condition", map.TokensFor(CandidateCodes.Diagnoses), since, cancellationToken);
        var blinatumomab = map.TokensFor([InputConcept.Blinatumomab]);
        await AddSubjectsAsync(candidates, "MedicationAdministration", blinatumomab, since, cancellationToken);
        await AddSubjectsByMedicationAsync(candidates, blinatumomab, since, cancellationToken);
        await AddSubjectsAsync(candidates, "Observation", CandidateCodes.ScreeningObservationTokens(map), since, cancellationToken);
        if (since is null)
        {
            return candidates;
        }

        var known = new SortedSet<string>(StringComparer.Ordinal);
        await AddSubjectsAsync(known, "Observation", map.TokensFor(CandidateCodes.OtherObservations), since, cancellationToken);
        await AddSubjectsAsync(known, "MedicationAdministration", map.TokensFor([InputConcept.InductionDrug]), since, cancellationToken);
        await foreach (var patient in client.SearchItemsAsync("Patient", Parameters(null, null, since), cancellationToken))
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

    /// <remarks>
    /// MedicationAdministration's <c>code</c> search parameter reads medicationCodeableConcept only: an administration
    /// that references a Medication (coded as blinatumomab, or only by its ingredient) is not found by it. So the
    /// blinatumomab Medications are searched first (<c>Medication?code=</c>, <c>Medication?ingredient-code=</c>, and
    /// <c>Medication?ingredient=Substance/..</c> for the Substances <c>Substance?code=</c> finds; never filtered by
    /// <c>_lastUpdated</c>, as an old Medication may be given today), then the administrations referencing them
    /// (<c>MedicationAdministration?medication=Medication/..</c>). All are R4 base search parameters.
    /// </remarks>
    public async System.Threading.Tasks.Task AddSubjectsByMedicationAsync(
        SortedSet<string> into, IReadOnlyList<string> tokens, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var medications = new SortedSet<string>(StringComparer.Ordinal);
        var substances = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var chunk in Chunks(tokens.Select(EscapeToken)))
        {
            await AddIdsAsync(medications, "Medication", "code", chunk, cancellationToken);
            await AddIdsAsync(medications, "Medication", "ingredient-code", chunk, cancellationToken);
            await AddIdsAsync(substances, "Substance", "code", chunk, cancellationToken);
        }

        foreach (var chunk in Chunks(substances.Select(id => "Substance/" + id)))
        {
            await AddIdsAsync(medications, "Medication", "ingredient", chunk, cancellationToken);
        }

        foreach (var chunk in Chunks(medications.Select(id => "Medication/" + id)))
        {
            await foreach (var item in client.SearchItemsAsync("MedicationAdministration", Parameters("medication", chunk, since), cancellationToken))
            {
                var subject = (item.Resource as MedicationAdministration)?.Subject;
                if ((PatientReferences.IdOf(subject) ?? item.Failure?.PatientId) is { } patientId)
                {
                    into.Add(patientId);
                }
            }
        }
    }

    private async System.Threading.Tasks.Task AddIdsAsync(
        SortedSet<string> into, string resourceType, string parameter, string value, CancellationToken cancellationToken)
    {
        // A Medication that is not valid FHIR still counts by its id: its administrations' patients are read, and it is
        // quarantined there (never skipped, so a broken blinatumomab product cannot hide a course).
        await foreach (var item in client.SearchItemsAsync(resourceType, Parameters(parameter, value, null), cancellationToken))
        {
            var type = item.Resource?.TypeName ?? item.Failure?.ResourceType;
            if (type == resourceType && (item.Resource?.Id ?? item.Failure?.ResourceId) is { Length: > 0 } id)
            {
                into.Add(id);
            }
        }
    }

    // One OR-list per search, at most CodesPerSearch values, keeping URLs short.
    private IEnumerable<string> Chunks(IEnumerable<string> values) =>
        values.Distinct(StringComparer.Ordinal).Chunk(Math.Max(1, options.CodesPerSearch)).Select(chunk => string.Join(',', chunk));

    private async System.Threading.Tasks.Task AddSubjectsAsync(
        SortedSet<string> into, string resourceType, IReadOnlyList<string> tokens, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        foreach (var code in Chunks(tokens.Select(EscapeToken)))
        {
            await foreach (var item in client.SearchItemsAsync(resourceType, Parameters("code", code, since), cancellationToken))
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

    private List<KeyValuePair<string, string>> Parameters(string? name, string? value, DateTimeOffset? since)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        if (name is not null && value is not null)
        {
            parameters.Add(new(name, value));
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
