using System.Security.Cryptography;
using System.Text;

namespace Interop.Store;

/// <summary>The ledger's content hash: lower-case SHA-256 hex.</summary>
public static class ContentHash
{
    /// <summary>Hashes canonical bytes (for example the outcome's canonical JSON without <c>meta</c> and <c>issued</c>).</summary>
    public static string Of(ReadOnlySpan<byte> canonicalContent) =>
        Convert.ToHexStringLower(SHA256.HashData(canonicalContent));

    /// <summary>Hashes canonical text as UTF-8.</summary>
    public static string Of(string canonicalContent) => Of(Encoding.UTF8.GetBytes(canonicalContent));
}
