using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Mapping;

/// <summary>
/// Recognises, from a line's JSON alone, a record that <see cref="FhirFactMapper"/> would map to
/// <see cref="IrrelevantResource"/>: an Observation, Condition or MedicationAdministration none of whose codings the terminology
/// map knows (a heart rate, a pneumonia, a paracetamol dose). Such a line need not be parsed as FHIR: most of a real export is
/// such records, and the parse is most of the cost of reading it (ADR 0019).
/// </summary>
/// <remarks>
/// It is conservative: any doubt gives "not recognised", and the line is then parsed and mapped as usual. Doubt is: JSON that
/// is not well-formed; a coding (any object with a <c>code</c> string, anywhere in the line) that the map resolves, or the
/// genomic-variant code; a code or system that is not a string; a property repeated in one object; no coded <c>code</c> (or
/// <c>medicationCodeableConcept</c>: a code of text alone could name anything); a MedicationAdministration whose medication is a reference, or whose words name
/// blinatumomab (the mapper warns on those); contained resources; an id or <c>meta.lastUpdated</c> that is not plainly valid.
/// A record recognised here is not checked against FHIR's rules: like a record of a type the adapter does not read, it can
/// change no outcome. Thread-safe.
/// </remarks>
public sealed partial class IrrelevantLineDetector
{
    private const string GenomicVariantCode = "69548-6";

    private readonly TerminologyMap _map;
    private readonly ReadingOptions _reading;

    internal IrrelevantLineDetector(TerminologyMap map, ReadingOptions reading)
    {
        _map = map;
        _reading = reading;
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FhirId();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainInstant();

    /// <summary>True when the line (a whole resource of <paramref name="resourceType"/>) is surely irrelevant; then <paramref name="record"/> says what it is.</summary>
    public bool TryRecognise(ReadOnlySpan<byte> json, string resourceType, out IrrelevantRecord record)
    {
        record = default!;
        var medication = resourceType == "MedicationAdministration";
        if (!medication && resourceType is not ("Observation" or "Condition"))
        {
            return false;
        }

        var walk = new Walk(resourceType, medication ? Name.MedicationCodeableConcept : Name.Code, medication);
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!Read(ref reader, ref walk) || reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (!walk.Typed || !walk.Coded || (walk.Id is { } id && !FhirId().IsMatch(id)))
        {
            return false;
        }

        long? lastUpdated = null;
        if (walk.LastUpdated is { } instant)
        {
            if (!PlainInstant().IsMatch(instant)
                || !DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return false;
            }

            lastUpdated = parsed.UtcTicks;
        }

        record = new IrrelevantRecord(resourceType, walk.Id, lastUpdated, FhirReferences.IdOf(walk.Subject, "Patient"));
        return true;
    }

    // Reads the root object token by token; false as soon as the line is not surely irrelevant.
    private bool Read(ref Utf8JsonReader reader, ref Walk walk)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        // One frame per open container: the root property it is under, whether it is an array, and for an object the code and
        // system it holds and which of the names that matter it has seen.
        // Reused per thread (a line is read in one go, without awaiting): every frame is written whole when it is pushed.
        var stack = t_stack ??= new Frame[MaxDepth];
        stack[0] = default;
        var depth = 0;
        var property = Name.None;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = NameOf(ref reader);
                    if (!stack[depth].See(property) || (depth == 0 && !walk.AcceptsRootProperty(property)))
                    {
                        return false;
                    }

                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (++depth == MaxDepth)
                    {
                        return false;
                    }

                    stack[depth] = new Frame
                    {
                        IsArray = reader.TokenType == JsonTokenType.StartArray,
                        UnderRoot = depth == 1 ? property : stack[depth - 1].UnderRoot,
                    };
                    property = Name.None;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    if (depth == 0)
                    {
                        return true;
                    }

                    if (!stack[depth].IsArray && !IsIrrelevantCoding(stack[depth]))
                    {
                        return false;
                    }

                    // A coding with a code in the root's code: the record says what it is (a code of text alone could be anything).
                    walk.Coded |= depth >= 2 && stack[1] is { IsArray: false } && stack[depth] is { IsArray: false, Code: not null } && stack[depth].UnderRoot == walk.CodeProperty;

                    depth--;
                    property = Name.None;
                    break;
                case JsonTokenType.String:
                    if (!Value(ref reader, ref stack[depth], depth, property, ref walk))
                    {
                        return false;
                    }

                    break;
                default:
                    // A number, boolean or null where a code, system, id, date or reference belongs: FHIR's rules decide.
                    if (!stack[depth].IsArray && property is Name.Code or Name.System or Name.Id or Name.LastUpdated or Name.Reference or Name.ResourceType)
                    {
                        return false;
                    }

                    break;
            }
        }

        return false;
    }

    private bool Value(ref Utf8JsonReader reader, ref Frame frame, int depth, Name property, ref Walk walk)
    {
        // Only a MedicationAdministration's words matter (the mapper warns when they name blinatumomab); others are not copied.
        if (walk.Medication && BlinatumomabText.In(reader.GetString(), _reading))
        {
            return false;
        }

        if (frame.IsArray || property is not (Name.Code or Name.System or Name.Id or Name.LastUpdated or Name.Reference or Name.ResourceType))
        {
            return true;
        }

        var text = reader.GetString()!;
        switch (property)
        {
            case Name.Code:
                frame.Code = text;
                return true;
            case Name.System:
                frame.System = text;
                return true;
            case Name.ResourceType when depth == 0:
                walk.Typed = text == walk.ResourceType;
                return walk.Typed;
            case Name.Id when depth == 0:
                walk.Id = text;
                return true;
            case Name.LastUpdated when depth == 1 && frame.UnderRoot == Name.Meta:
                walk.LastUpdated = text;
                return true;
            case Name.Reference when depth == 1 && frame.UnderRoot == Name.Subject:
                walk.Subject = text;
                return true;
            default:
                return true;
        }
    }

    private bool IsIrrelevantCoding(in Frame frame) =>
        frame.Code is not { } code || (code != GenomicVariantCode && _map.Resolve(frame.System, code) is null);

    private static Name NameOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("code"u8) ? Name.Code
        : reader.ValueTextEquals("system"u8) ? Name.System
        : reader.ValueTextEquals("id"u8) ? Name.Id
        : reader.ValueTextEquals("lastUpdated"u8) ? Name.LastUpdated
        : reader.ValueTextEquals("reference"u8) ? Name.Reference
        : reader.ValueTextEquals("resourceType"u8) ? Name.ResourceType
        : reader.ValueTextEquals("meta"u8) ? Name.Meta
        : reader.ValueTextEquals("subject"u8) ? Name.Subject
        : reader.ValueTextEquals("contained"u8) ? Name.Contained
        : reader.ValueTextEquals("medicationReference"u8) ? Name.MedicationReference
        : reader.ValueTextEquals("medicationCodeableConcept"u8) ? Name.MedicationCodeableConcept
        : Name.Other;

    private const int MaxDepth = 64;

    [ThreadStatic]
    private static Frame[]? t_stack;

    /// <summary>The property names that matter here (every other is <see cref="Other"/>).</summary>
    private enum Name : byte
    {
        None,
        Other,
        Code,
        System,
        Id,
        LastUpdated,
        Reference,
        ResourceType,
        Meta,
        Subject,
        Contained,
        MedicationReference,
        MedicationCodeableConcept,
    }

    /// <summary>What the walk has found at the root.</summary>
    private struct Walk(string resourceType, Name codeProperty, bool medication)
    {
        public readonly string ResourceType = resourceType;
        public readonly Name CodeProperty = codeProperty;
        public readonly bool Medication = medication;
        public bool Typed;
        public bool Coded;
        public string? Id;
        public string? LastUpdated;
        public string? Subject;

        // A medication given by reference (or contained) is resolved by the assembler; contained resources are not looked into.
        public readonly bool AcceptsRootProperty(Name property) =>
            property != Name.Contained && !(Medication && property == Name.MedicationReference);
    }

    private struct Frame
    {
        public bool IsArray;
        public Name UnderRoot;
        public string? Code;
        public string? System;
        private int _seen;

        // False when a name that matters comes twice in one object (which value a parser keeps would be its own choice).
        public bool See(Name property)
        {
            if (property is Name.Other or Name.None)
            {
                return true;
            }

            var bit = 1 << (int)property;
            if ((_seen & bit) != 0)
            {
                return false;
            }

            _seen |= bit;
            return true;
        }
    }
}

/// <summary>A record recognised as irrelevant without parsing it (<see cref="IrrelevantLineDetector"/>): what the duplicate check needs of it.</summary>
/// <param name="ResourceType">Its type.</param>
/// <param name="Id">Its logical id, when it has one.</param>
/// <param name="LastUpdatedUtcTicks">Its meta.lastUpdated, as UTC ticks.</param>
/// <param name="PatientId">The Patient its subject references.</param>
public sealed record IrrelevantRecord(string ResourceType, string? Id, long? LastUpdatedUtcTicks, string? PatientId);
