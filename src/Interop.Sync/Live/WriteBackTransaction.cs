using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Canonical = Interop.Fhir.Canonical;
using Interop.Fhir.Outcomes;
using Interop.Store;

namespace Interop.Sync.Live;

/// <summary>
/// One derived resource to write (an outcome Observation, or the patient's ResearchSubject), with what the ledger records
/// of it. A retracted ResearchSubject has no entered-in-error status in R4: it is deleted, and <paramref name="Resource"/> is null.
/// </summary>
internal sealed record OutcomeWrite(Resource? Resource, string IdentifierValue, string OutcomeCode, string ContentHash, OutcomeStatus Status)
{
    /// <summary>The ledger's code of a ResearchSubject (in place of an outcome code).</summary>
    public const string ResearchSubjectCode = ResearchSubjectBuilder.IdentifierSegment;

    /// <summary>The server version this write replaces, sent as <c>If-Match</c> (null: a create, or no version known).</summary>
    public string? IfMatch { get; init; }

    /// <summary>What the write builds on (<c>new</c>, <c>{id}/{version}</c>, or the deleted resource it restores): part of the Provenance key.</summary>
    public string Base { get; init; } = "new";

    public string ResourceType => OutcomeCode == ResearchSubjectCode ? "ResearchSubject" : "Observation";
}

/// <summary>
/// One patient's write-back (docs/outcomes.md, "How it is written"): a transaction of conditional updates by
/// outcome identifier plus one Provenance targeting them, and the ledger entries from its response.
/// </summary>
internal static class WriteBackTransaction
{
    /// <summary>
    /// The transaction Bundle: a <c>PUT Observation?identifier=..</c> per outcome, with <c>If-Match</c> on the version it
    /// replaces (and <c>PUT ResearchSubject?identifier=..</c>, or <c>DELETE</c> when retracted), then one
    /// <c>POST Provenance</c> targeting what was put, tagged with <paramref name="provenanceKey"/> and, when
    /// <paramref name="conditionalCreate"/>, created only if no Provenance carries that key yet (<c>If-None-Exist</c>).
    /// </summary>
    public static Bundle Create(IReadOnlyList<OutcomeWrite> writes, Provenance provenance, DateTimeOffset recorded, string provenanceKey, bool conditionalCreate)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        var targets = new List<ResourceReference>(writes.Count);
        foreach (var write in writes)
        {
            var conditionalUrl = $"{write.ResourceType}?identifier={Canonical.OutcomeIdentifierSystem}|{write.IdentifierValue}";
            if (write.Resource is null)
            {
                bundle.Entry.Add(new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.DELETE, Url = conditionalUrl } });
                continue;
            }

            var resource = (Resource)write.Resource.DeepCopy();
            resource.Id = null;
            if (resource is Observation observation)
            {
                observation.Status = write.Status switch
                {
                    OutcomeStatus.Final => ObservationStatus.Final,
                    OutcomeStatus.Amended => ObservationStatus.Amended,
                    _ => ObservationStatus.EnteredInError,
                };
            }

            if (resource.Meta is { } meta)
            {
                meta.VersionId = null;
                meta.LastUpdated = null;
            }

            var fullUrl = Urn(write.IdentifierValue);
            targets.Add(new ResourceReference(fullUrl));
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = fullUrl,
                Resource = resource,
                Request = new Bundle.RequestComponent
                {
                    Method = Bundle.HTTPVerb.PUT,
                    Url = conditionalUrl,
                    IfMatch = write.IfMatch is { } version ? $"W/\"{version}\"" : null,
                },
            });
        }

        var written = (Provenance)provenance.DeepCopy();
        written.Id = null;
        written.Target = targets;
        written.Recorded = recorded;
        written.Meta ??= new Meta();
        written.Meta.Tag.RemoveAll(t => string.Equals(t.System, Canonical.ProvenanceKeySystem, StringComparison.Ordinal));
        written.Meta.Tag.Add(new Coding(Canonical.ProvenanceKeySystem, provenanceKey));
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = Urn("provenance|" + provenanceKey),
            Resource = written,
            Request = new Bundle.RequestComponent
            {
                Method = Bundle.HTTPVerb.POST,
                Url = "Provenance",
                IfNoneExist = conditionalCreate ? ProvenanceKey.IfNoneExist(provenanceKey) : null,
            },
        });
        return bundle;
    }

    /// <summary>Ledger entries for the writes, with the server's ids and versions from the transaction response (in entry order).</summary>
    public static List<LedgerEntry> LedgerEntries(IReadOnlyList<OutcomeWrite> writes, Bundle response, string patientId, DateTimeOffset writtenAt)
    {
        var entries = new List<LedgerEntry>(writes.Count);
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            var entry = i < response.Entry.Count ? response.Entry[i] : null;
            var (id, version) = ServerIdentity(entry);
            entries.Add(new LedgerEntry(write.IdentifierValue, patientId, write.OutcomeCode, write.ContentHash, id, version, write.Status, writtenAt));
        }

        return entries;
    }

    private static (string? Id, string? Version) ServerIdentity(Bundle.EntryComponent? entry)
    {
        if (entry is null)
        {
            return (null, null);
        }

        string? id = entry.Resource?.Id;
        string? version = entry.Resource?.Meta?.VersionId;
        if (entry.Response?.Location is { Length: > 0 } location)
        {
            // Observation/{id}/_history/{vid}, relative or absolute.
            var parts = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var history = Array.IndexOf(parts, "_history");
            var end = history >= 0 ? history : parts.Length;
            if (end >= 2 && parts[end - 2] is "Observation" or "ResearchSubject")
            {
                id ??= parts[end - 1];
            }

            if (history >= 0 && history + 1 < parts.Length)
            {
                version ??= parts[history + 1];
            }
        }

        if (version is null && entry.Response?.Etag is { Length: > 0 } etag)
        {
            version = etag.Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"');
        }

        return (id, version);
    }

    /// <summary>A name-based UUID (SHA-256, version 8 bits) of <paramref name="name"/>: the same outcome always gets the same fullUrl.</summary>
    private static string Urn(string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(bytes, bigEndian: true).ToString("D");
    }
}
