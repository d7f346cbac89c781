using Hl7.Fhir.Model;
using Interop.Domain.Facts;

namespace Interop.Fhir.Outcomes;

/// <summary>Evidence as FHIR references: versioned where known, distinct, in ordinal order of the reference text.</summary>
internal static class EvidenceReferences
{
    private const string ObservationType = "Observation";

    /// <summary><c>Type/id/_history/version</c>, or <c>Type/id</c> when the source gave no version.</summary>
    public static string ToReference(EvidenceRef evidence) =>
        string.IsNullOrEmpty(evidence.VersionId)
            ? $"{evidence.ResourceType}/{evidence.Id}"
            : $"{evidence.ResourceType}/{evidence.Id}/_history/{evidence.VersionId}";

    /// <summary>Every evidence record, as distinct sorted references.</summary>
    public static List<ResourceReference> All(IEnumerable<EvidenceRef> evidence) => Sorted(evidence, observationsOnly: false);

    /// <summary>
    /// Only Observation evidence: R4 restricts Observation.derivedFrom to DocumentReference, ImagingStudy,
    /// Media, QuestionnaireResponse, Observation and MolecularSequence (ADR 0002).
    /// </summary>
    public static List<ResourceReference> DerivedFrom(IEnumerable<EvidenceRef> evidence) => Sorted(evidence, observationsOnly: true);

    private static List<ResourceReference> Sorted(IEnumerable<EvidenceRef> evidence, bool observationsOnly)
    {
        var references = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in evidence)
        {
            if (!observationsOnly || string.Equals(item.ResourceType, ObservationType, StringComparison.Ordinal))
            {
                references.Add(ToReference(item));
            }
        }

        var result = new List<ResourceReference>(references.Count);
        foreach (var reference in references)
        {
            result.Add(new ResourceReference(reference));
        }

        return result;
    }
}
