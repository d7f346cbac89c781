namespace Interop.Worker.Check;

/// <summary>The names of the go-live checks, as printed.</summary>
internal static class CheckNames
{
    public const string Reachable = "reachable";
    public const string FhirVersion = "fhir-version";
    public const string Authentication = "authentication";
    public const string Search = "search";
    public const string Transaction = "transaction";
    public const string ConditionalUpdate = "conditional-update";
    public const string ProvenanceCreate = "provenance-create";
    public const string WriteScopes = "write-scopes";
    public const string ResearchSubject = "research-subject";
    public const string BulkExport = "bulk-export";
}
