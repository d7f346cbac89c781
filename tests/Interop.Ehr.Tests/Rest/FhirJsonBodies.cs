using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;

namespace Interop.Ehr.Tests.Rest;

/// <summary>FHIR test bodies built from the model and serialised the way the adapter reads them.</summary>
internal static class FhirJsonBodies
{
    public static string Json(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), FhirJson.Options);

    public static Bundle SearchSet(IEnumerable<Resource> matches, string? next = null, IEnumerable<Resource>? includes = null, IEnumerable<Resource>? outcomes = null)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        foreach (var match in matches)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = match, Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match } });
        }

        foreach (var include in includes ?? [])
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = include, Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Include } });
        }

        foreach (var outcome in outcomes ?? [])
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = outcome, Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome } });
        }

        if (next is not null)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = next });
        }

        return bundle;
    }

    public static Observation Observation(string id) =>
        new() { Id = id, Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "78219-3") };

    public static Patient Patient(string id) => new() { Id = id };

    public static OperationOutcome Outcome(OperationOutcome.IssueType code, string diagnostics) =>
        new()
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = diagnostics }],
        };
}
