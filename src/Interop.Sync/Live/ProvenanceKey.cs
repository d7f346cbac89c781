using System.Security.Cryptography;
using System.Text;
using Canonical = Interop.Fhir.Canonical;

namespace Interop.Sync.Live;

/// <summary>
/// The deterministic key of one patient's write-back Provenance (ADR 0007): the same patient and the same writes (each
/// target's identifier, status, content hash, and the server version it replaces) always give the same key, so a
/// transaction sent again after an unseen commit finds its Provenance already there (<c>If-None-Exist</c>), while
/// every real change, even back to earlier content, builds on another version and gets a Provenance of its own.
/// </summary>
internal static class ProvenanceKey
{
    /// <summary>Hex characters of the SHA-256 kept: 128 bits.</summary>
    private const int HashHexLength = 32;

    /// <summary><c>{studyId}/provenance/{patientId}/{hash of the writes}</c>.</summary>
    public static string Of(string studyId, string patientId, IEnumerable<OutcomeWrite> writes)
    {
        var text = new StringBuilder();
        foreach (var write in writes.OrderBy(w => w.IdentifierValue, StringComparer.Ordinal))
        {
            text.Append(write.IdentifierValue).Append('\n')
                .Append(write.Status).Append('\n')
                .Append(write.ContentHash.ToLowerInvariant()).Append('\n')
                .Append(write.Base).Append('\n');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return $"{studyId}/provenance/{patientId}/{hash[..HashHexLength]}";
    }

    /// <summary>The conditional-create query: the Provenance carrying this key in <c>meta.tag</c>.</summary>
    public static string IfNoneExist(string key) => $"_tag={Canonical.ProvenanceKeySystem}|{key}";
}
