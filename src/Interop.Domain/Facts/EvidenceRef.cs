namespace Interop.Domain.Facts;

/// <summary>A pointer to the source record a fact came from: resource type, logical id and version.</summary>
/// <param name="ResourceType">The FHIR resource type, e.g. <c>Observation</c>.</param>
/// <param name="Id">The logical id on the source server or export.</param>
/// <param name="VersionId">The version the fact was read at, when the source gives one.</param>
public sealed record EvidenceRef(string ResourceType, string Id, string? VersionId = null) : IComparable<EvidenceRef>
{
    /// <inheritdoc />
    public int CompareTo(EvidenceRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byType = string.CompareOrdinal(ResourceType, other.ResourceType);
        if (byType != 0)
        {
            return byType;
        }

        var byId = string.CompareOrdinal(Id, other.Id);
        return byId != 0 ? byId : string.CompareOrdinal(VersionId, other.VersionId);
    }

    /// <summary>Type/id, the form used in references and reports (an opaque id, never patient data).</summary>
    public override string ToString() => $"{ResourceType}/{Id}";
}
