using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interop.Ehr.Bulk;

/// <summary>The completion manifest of a Bulk Data export (the 200 answer to a status poll).</summary>
/// <param name="TransactionTime">The server's time the export reflects: the next incremental export's <c>_since</c>.</param>
/// <param name="RequiresAccessToken">Whether file downloads need the bearer token (then they must stay on the EHR's origin).</param>
/// <param name="Output">The NDJSON files of resources.</param>
/// <param name="Deleted">NDJSON files of Bundles listing deleted resources (<c>_since</c> exports), when the server gives them.</param>
/// <param name="Error">NDJSON files of OperationOutcomes: what the server could not export.</param>
public sealed record BulkManifest(
    DateTimeOffset TransactionTime,
    bool RequiresAccessToken,
    IReadOnlyList<BulkManifestFile> Output,
    IReadOnlyList<BulkManifestFile> Deleted,
    IReadOnlyList<BulkManifestFile> Error)
{
    /// <summary>Every file, numbered in a stable order (output, deleted, error): the number names the staged file.</summary>
    public IEnumerable<(BulkFileKind Kind, int Number, BulkManifestFile File)> Files() =>
        Output.Select((f, i) => (BulkFileKind.Output, i + 1, f))
            .Concat(Deleted.Select((f, i) => (BulkFileKind.Deleted, i + 1, f)))
            .Concat(Error.Select((f, i) => (BulkFileKind.Error, i + 1, f)));

    /// <summary>Reads a manifest; null when the body is not one (a missing transactionTime, output or file url).</summary>
    internal static BulkManifest? Parse(ReadOnlySpan<byte> json)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }

        if (wire?.TransactionTime is not { } time || wire.Output is null)
        {
            return null;
        }

        var output = Files(wire.Output);
        var deleted = Files(wire.Deleted ?? []);
        var error = Files(wire.Error ?? []);
        return output is null || deleted is null || error is null ? null : new BulkManifest(time, wire.RequiresAccessToken ?? false, output, deleted, error);
    }

    private static List<BulkManifestFile>? Files(List<WireFile> files)
    {
        var result = new List<BulkManifestFile>(files.Count);
        foreach (var file in files)
        {
            if (string.IsNullOrEmpty(file.Type) || !Uri.TryCreate(file.Url, UriKind.Absolute, out var url))
            {
                return null;
            }

            result.Add(new BulkManifestFile(file.Type, url, file.Count));
        }

        return result;
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = false };

    private sealed record Wire(
        [property: JsonPropertyName("transactionTime")] DateTimeOffset? TransactionTime,
        [property: JsonPropertyName("requiresAccessToken")] bool? RequiresAccessToken,
        [property: JsonPropertyName("output")] List<WireFile>? Output,
        [property: JsonPropertyName("deleted")] List<WireFile>? Deleted,
        [property: JsonPropertyName("error")] List<WireFile>? Error);

    private sealed record WireFile(
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("count")] long? Count);
}

/// <summary>One file of a manifest.</summary>
/// <param name="Type">The resource type in it (OperationOutcome for error files, Bundle for deleted files).</param>
/// <param name="Url">Where to download it.</param>
/// <param name="Count">Resources in it, when the server says.</param>
public sealed record BulkManifestFile(string Type, Uri Url, long? Count);

/// <summary>Which list of the manifest a file is in.</summary>
public enum BulkFileKind
{
    /// <summary>Resources.</summary>
    Output,

    /// <summary>Bundles of deleted resources.</summary>
    Deleted,

    /// <summary>OperationOutcomes of what could not be exported.</summary>
    Error,
}
