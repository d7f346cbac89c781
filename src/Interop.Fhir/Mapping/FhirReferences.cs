using Hl7.Fhir.Model;

namespace Interop.Fhir.Mapping;

/// <summary>Reads literal references (<c>Type/id</c>, absolute, or with <c>/_history/n</c>).</summary>
internal static class FhirReferences
{
    /// <summary>The logical id of a literal reference to <paramref name="resourceType"/>, or null.</summary>
    public static string? IdOf(ResourceReference? reference, string resourceType) => IdOf(reference?.Reference, resourceType);

    /// <summary>The logical id of the literal reference <paramref name="text"/> to <paramref name="resourceType"/>, or null.</summary>
    public static string? IdOf(string? text, string resourceType)
    {
        if (string.IsNullOrWhiteSpace(text) || text.StartsWith('#'))
        {
            return null;
        }

        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var historyAt = Array.IndexOf(parts, "_history");
        var end = historyAt >= 0 ? historyAt : parts.Length;
        if (end < 2 || !string.Equals(parts[end - 2], resourceType, StringComparison.Ordinal))
        {
            return null;
        }

        var id = parts[end - 1];
        return id.Length > 0 ? id : null;
    }

    /// <summary>The subject Patient's logical id.</summary>
    public static string? PatientId(ResourceReference? subject) => IdOf(subject, "Patient");
}
