namespace Interop.Worker.Check;

/// <summary>The names of the go-live checks, as printed.</summary>
internal static class CheckNames
{
    public const string Reachable = "reachable";
    public const string FhirVersion = Interop.Sync.EhrRequirements.FhirVersionCheck;
    public const string Authentication = "authentication";
    public const string Search = Interop.Sync.EhrRequirements.SearchCheck;
    public const string Transaction = Interop.Sync.EhrRequirements.TransactionCheck;
    public const string ConditionalUpdate = Interop.Sync.EhrRequirements.ConditionalUpdateCheck;
    public const string ProvenanceCreate = Interop.Sync.EhrRequirements.ProvenanceCreateCheck;
    public const string WriteScopes = "write-scopes";
    public const string ResearchSubject = "research-subject";
    public const string BulkExport = "bulk-export";
}
