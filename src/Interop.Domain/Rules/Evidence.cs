using Interop.Domain.Facts;

namespace Interop.Domain.Rules;

/// <summary>Evidence lists are sorted and distinct so that results compare and hash stably.</summary>
internal static class Evidence
{
    public static IReadOnlyList<EvidenceRef> Of(params IEnumerable<EvidenceRef>[] groups) =>
        [.. groups.SelectMany(g => g).Distinct().Order()];

    public static IEnumerable<EvidenceRef> Refs(this IEnumerable<LabResult> results) => results.Select(r => r.Evidence);

    public static IEnumerable<EvidenceRef> Refs(this IEnumerable<DrugAdministration> administrations) =>
        administrations.Select(a => a.Evidence);

    public static IEnumerable<EvidenceRef> Refs(this IEnumerable<Diagnosis> diagnoses) => diagnoses.Select(d => d.Evidence);

    public static IEnumerable<EvidenceRef> One(EvidenceRef? evidence) => evidence is null ? [] : [evidence];
}
