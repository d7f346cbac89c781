using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Interop.Fhir.Mapping;
using Interop.Fhir.Serialization;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// One NDJSON line (UTF-8 bytes) to resources, records set aside, or lines that are not patient data. A Bundle is
/// unpacked (<see cref="BundleUnpacker"/>). A reason is built from Firely's error codes and element paths only:
/// exception messages quote the offending value (a birth date, a name), which is patient data and must not reach a
/// report or a log.
/// </summary>
internal static class NdjsonLineParser
{
    private const int MaxErrorsInReason = 5;
    private const int MaxPathLength = 200;

    // Invalid UTF-8 is found, not replaced with U+FFFD: a replaced character in a code or a unit would be read as something else.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Parses line <paramref name="number"/> of <paramref name="file"/> into <paramref name="output"/>; a line that
    /// <paramref name="irrelevantLines"/> recognises is not parsed.
    /// </summary>
    public static void Parse(byte[] line, string file, int number, List<ParsedLine> output, IrrelevantLineDetector? irrelevantLines = null)
    {
        var location = string.Create(CultureInfo.InvariantCulture, $"{file}:{number}");
        try
        {
            StrictUtf8.GetCharCount(line);
        }
        catch (DecoderFallbackException)
        {
            ParseInvalidUtf8(line, location, output);
            return;
        }

        Parse(line, location, number, null, output, irrelevantLines);
    }

    /// <summary>Parses one resource's JSON (a line, or a Bundle entry's resource when <paramref name="fullUrls"/> is set).</summary>
    internal static void Parse(
        ReadOnlyMemory<byte> json, string location, int number, IReadOnlyDictionary<string, string>? fullUrls, List<ParsedLine> output, IrrelevantLineDetector? irrelevantLines = null)
    {
        var inBundle = fullUrls is not null;
        switch (NdjsonLineProbe.Classify(json.Span, out var resourceType))
        {
            case LineShape.NotObject:
                output.Add(ParsedLine.Of(Failed(location, null, null, null, "malformed JSON (line is not a JSON object)")));
                return;
            case LineShape.NoResourceType when !inBundle:
                var (_, id, patientId) = NdjsonLineProbe.ReadIdentity(json.Span);
                output.Add(new ParsedLine(LineKind.NotResource, null, number, id, patientId));
                return;
            case LineShape.Typed when resourceType == "Bundle":
                BundleUnpacker.Unpack(json, location, number, output);
                return;
            case LineShape.Typed when resourceType == "OperationOutcome":
                output.Add(new ParsedLine(LineKind.OperationOutcome, null, number));
                return;
        }

        // A whole line whose codes say nothing the trial reads is not parsed (a Bundle's entries always are).
        if (!inBundle && irrelevantLines is not null && resourceType is not null && irrelevantLines.TryRecognise(json.Span, resourceType, out var irrelevant))
        {
            output.Add(ParsedLine.Of(new SourceItem(location, null, null) { Irrelevant = irrelevant }));
            return;
        }

        var item = ParseResource(json.Span, location, fullUrls);

        // A line read as it is: its bytes stand for its content, so duplicates can be told apart without serialising it again.
        output.Add(ParsedLine.Of(item.Resource is not null && !inBundle ? item with { LineHash = XxHash128.HashToUInt128(json.Span) } : item));
    }

    /// <summary>
    /// One resource's JSON to the resource or a quarantine entry, strictly; also each entry of a live search page
    /// (<c>Rest.SearchPage</c>), so that a resource is read the same way from a file and from an EHR.
    /// </summary>
    internal static SourceItem ParseResource(ReadOnlySpan<byte> json, string location, IReadOnlyDictionary<string, string>? fullUrls)
    {
        try
        {
            // Strict mode, no recovery from DeserializationFailedException.PartialResult. Every error
            // Firely can recover from (an invalid date or code literal, a missing status, an unknown
            // element, a single value where a list belongs) sits on data the rules read or could read:
            // a partial POCO carries null where the EHR recorded something, and the rules would take it
            // as "missing" and decide on it. A quarantined record is visible (report, exit code 3) and
            // withholds that patient's outcomes; a silently dropped value is not. Narrative XHTML is not
            // checked in this mode, so the one class of benign errors never arises.
            var resource = JsonSerializer.Deserialize<Resource>(json, FhirJson.Options);
            if (resource is null)
            {
                return Failed(location, null, null, null, "malformed JSON (line is not a JSON object)");
            }

            if (fullUrls is { Count: > 0 })
            {
                BundleReferences.Resolve(resource, fullUrls);
            }

            return new SourceItem(location, resource, null);
        }
        catch (DeserializationFailedException ex)
        {
            var (type, id, patient) = NdjsonLineProbe.ReadIdentity(json, fullUrls);
            return Failed(location, type, id, patient, DescribeFhirErrors(ex.Exceptions));
        }
        catch (JsonException ex)
        {
            var (type, id, patient) = NdjsonLineProbe.ReadIdentity(json, fullUrls);
            var reason = ex.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture, $"malformed JSON (at byte {position + 1})")
                : "malformed JSON";
            return Failed(location, type, id, patient, reason);
        }
    }

    /// <summary>
    /// A line that is not valid UTF-8: quarantined with its patient when it is of a type the adapter reads. A line of
    /// another type (an Encounter, a Claim) can change no outcome, so it is read with the bad bytes replaced and counts
    /// as not relevant, like any other record of that type.
    /// </summary>
    private static void ParseInvalidUtf8(byte[] line, string location, List<ParsedLine> output)
    {
        var replaced = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line));
        var (type, id, patient) = NdjsonLineProbe.ReadIdentity(replaced);
        if (type is not null && type != "Bundle" && !FhirFactMapper.ReadsResourceType(type))
        {
            output.Add(ParsedLine.Of(ParseResource(replaced, location, null)));
            return;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 (at byte {FirstInvalidByte(line) + 1}); the file must be UTF-8");
        output.Add(ParsedLine.Of(Failed(location, type, id, patient, reason)));
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return at;
    }

    internal static SourceItem Failed(string location, string? type, string? id, string? patientId, string reason) =>
        new(location, null, new QuarantineEntry(location, type, id, patientId, reason));

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
