using System.Globalization;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Interop.Fhir.Mapping;
using Interop.Fhir.Serialization;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// One NDJSON line to a resource or a quarantine entry. A reason is built from Firely's error codes and
/// element paths only: exception messages quote the offending value (a birth date, a name), which is
/// patient data and must not reach a report or a log.
/// </summary>
internal static class NdjsonLineParser
{
    private const int MaxErrorsInReason = 5;
    private const int MaxPathLength = 200;

    public static SourceItem Parse(string line, string location)
    {
        if (!StartsWithObject(line))
        {
            return Failed(location, null, null, null, "malformed JSON (line is not a JSON object)");
        }

        try
        {
            // Strict mode, no recovery from DeserializationFailedException.PartialResult. Every error
            // Firely can recover from (an invalid date or code literal, a missing status, an unknown
            // element, a single value where a list belongs) sits on data the rules read or could read:
            // a partial POCO carries null where the EHR recorded something, and the rules would take it
            // as "missing" and decide on it. A quarantined record is visible (report, exit code 3) and
            // withholds that patient's outcomes; a silently dropped value is not. Narrative XHTML is not
            // checked in this mode, so the one class of benign errors never arises.
            var resource = JsonSerializer.Deserialize<Resource>(line, FhirJson.Options);
            return resource is null
                ? Failed(location, null, null, null, "malformed JSON (line is not a JSON object)")
                : new SourceItem(location, resource, null);
        }
        catch (DeserializationFailedException ex)
        {
            var (type, id, patient) = NdjsonLineProbe.ReadIdentity(line);
            return Failed(location, type, id, patient, DescribeFhirErrors(ex.Exceptions));
        }
        catch (JsonException ex)
        {
            var (type, id, patient) = NdjsonLineProbe.ReadIdentity(line);
            var reason = ex.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture, $"malformed JSON (at byte {position + 1})")
                : "malformed JSON";
            return Failed(location, type, id, patient, reason);
        }
    }

    private static SourceItem Failed(string location, string? type, string? id, string? patientId, string reason) =>
        new(location, null, new QuarantineEntry(location, type, id, patientId, reason));

    private static bool StartsWithObject(string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        return !trimmed.IsEmpty && trimmed[0] == '{';
    }

    private static string DescribeFhirErrors(IEnumerable<CodedException> errors)
    {
        var reason = new StringBuilder("invalid FHIR JSON: ");
        var written = 0;
        var more = 0;
        foreach (var error in errors)
        {
            if (written == MaxErrorsInReason)
            {
                more++;
                continue;
            }

            if (written > 0)
            {
                reason.Append("; ");
            }

            reason.Append(error.ErrorCode);
            var path = (error as ExtendedCodedException)?.InstancePath;
            if (!string.IsNullOrEmpty(path))
            {
                reason.Append(" at ").Append(IsPlainPath(path) ? path : "(element path withheld)");
            }

            written++;
        }

        if (written == 0)
        {
            reason.Append("unspecified error");
        }

        if (more > 0)
        {
            reason.Append(CultureInfo.InvariantCulture, $"; and {more} more");
        }

        return reason.ToString();
    }

    /// <summary>
    /// An element path is built from the JSON's property names, and an unknown property's name is
    /// whatever the sender wrote: only paths that look like FHIR element paths are repeated.
    /// </summary>
    private static bool IsPlainPath(string path)
    {
        if (path.Length > MaxPathLength)
        {
            return false;
        }

        foreach (var c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '[' or ']' or '$' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
