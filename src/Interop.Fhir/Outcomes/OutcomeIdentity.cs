using System.Security.Cryptography;
using System.Text;

namespace Interop.Fhir.Outcomes;

/// <summary>
/// The business key of an outcome (its identifier value) and the logical id derived from it, so that
/// file-mode runs over the same input produce the same ids (docs/outcomes.md, "How it is written").
/// </summary>
public static class OutcomeIdentity
{
    private const string IdPrefix = "bf-";

    /// <summary>Hex characters of the SHA-256 kept in the id: 160 bits, collision-free for any cohort.</summary>
    private const int HashHexLength = 40;

    /// <summary><c>{studyId}/{outcome-code}/{patientId}[/{timepoint}]</c>.</summary>
    public static string IdentifierValue(string studyId, string outcomeCode, string patientId, string? timepoint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcomeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);

        return string.IsNullOrEmpty(timepoint)
            ? $"{studyId}/{outcomeCode}/{patientId}"
            : $"{studyId}/{outcomeCode}/{patientId}/{timepoint}";
    }

    /// <summary>
    /// <c>bf-</c> and the first 40 lowercase hex characters of SHA-256 over the UTF-8 identifier value:
    /// a valid FHIR id (<c>[A-Za-z0-9\-\.]{1,64}</c>) that reveals nothing of the patient id it is built from.
    /// </summary>
    public static string ResourceId(string identifierValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifierValue);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(identifierValue), hash);
        return IdPrefix + Convert.ToHexStringLower(hash[..(HashHexLength / 2)]);
    }
}
