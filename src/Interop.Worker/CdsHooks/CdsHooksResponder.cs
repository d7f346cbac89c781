using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Interop.Fhir.Serialization;
using Interop.Worker.Api;
using Microsoft.Extensions.Logging;

namespace Interop.Worker.CdsHooks;

/// <summary>
/// Answers a <c>patient-view</c> request: reads <c>context.patientId</c> (checked against a prefetched Patient, when
/// given), finds the subject in the store and returns its card, or no card when the store does not have the
/// patient. A patient recorded on several EHRs gets the most recently updated status.
/// </summary>
internal sealed class CdsHooksResponder(SubjectLookup lookup, ILogger<CdsHooksResponder> logger)
{
    public const string Hook = "patient-view";

    public async Task<CdsAnswer> AnswerAsync(JsonElement request, CancellationToken cancellationToken)
    {
        var (patientId, error) = ReadPatientId(request);
        if (error is not null)
        {
            return new CdsAnswer(null, error);
        }

        var found = await lookup.FindAsync(patientId!, ehr: null, cancellationToken);
        var subject = found.Subject ?? found.Candidates
            .OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.EhrName, StringComparer.Ordinal).FirstOrDefault();
        var response = new CdsResponse(subject is null ? [] : [TrialStatusCards.For(subject, Guid.NewGuid())]);
        ApiLog.CdsHooksAnswered(logger, Hook, response.Cards.Count);
        return new CdsAnswer(response, null);
    }

    private static (string? PatientId, string? Error) ReadPatientId(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object)
        {
            return (null, "The request must be a JSON object.");
        }

        if (!request.TryGetProperty("hook", out var hook) || hook.ValueKind != JsonValueKind.String || hook.GetString() != Hook)
        {
            return (null, $"hook must be '{Hook}'.");
        }

        if (!request.TryGetProperty("hookInstance", out var instance) || instance.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(instance.GetString()))
        {
            return (null, "hookInstance is required.");
        }

        if (!request.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object
            || !context.TryGetProperty("patientId", out var id) || id.ValueKind != JsonValueKind.String
            || id.GetString() is not { } contextId || !Id.IsValidValue(contextId))
        {
            return (null, "context.patientId must be a FHIR logical id.");
        }

        var patientId = contextId;
        if (request.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind == JsonValueKind.Object
            && prefetch.TryGetProperty("patient", out var patient) && patient.ValueKind != JsonValueKind.Null)
        {
            return PrefetchedPatientId(patient, patientId);
        }

        return (patientId, null);
    }

    /// <summary>The prefetched Patient's id, which must be the context's patient.</summary>
    private static (string? PatientId, string? Error) PrefetchedPatientId(JsonElement patient, string contextPatientId)
    {
        Resource? resource;
        try
        {
            resource = patient.Deserialize<Resource>(FhirJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or DeserializationFailedException or NotSupportedException)
        {
            // The parser's message may quote the content: only say that it failed.
            return (null, "prefetch.patient is not a valid FHIR R4 resource.");
        }

        if (resource is not Patient { Id: { } prefetchedId })
        {
            return (null, "prefetch.patient must be a Patient with an id.");
        }

        return prefetchedId == contextPatientId
            ? (prefetchedId, null)
            : (null, "prefetch.patient is not the patient of context.patientId.");
    }
}

/// <summary>The cards, or why the request is refused (fixed wording, no request content).</summary>
internal sealed record CdsAnswer(CdsResponse? Response, string? Error);
