using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Interop.Fhir.Mapping;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// Reads a Bulk Data export folder: every <c>*.ndjson</c> and <c>*.ndjson.gz</c> file directly in it, in ordinal
/// file-name order, one resource of any type per line (a Bundle line is unpacked). Streams line by line; a line that
/// does not parse becomes a failure item and the read goes on, and so does a file that cannot be read. Lines that are
/// not patient data (an export's log, its error report) and files that are not read become notes. Parsing, the
/// expensive part, runs on every core in batches whose results are handed out in file order, so the output is the
/// same as a sequential read and at most a few batches are held in memory.
/// </summary>
public sealed class NdjsonFolderReader
{
    // Small batches: a parsed resource waits for the reader in its batch, and one that outlives a gen0 collection is copied
    // into gen1 (with 256 lines a batch, the second file-mode run spent 1.4 s in GC pauses pinned to one core; with 64, 0.8 s).
    private const int BatchLines = 64;

    // Lines differ in size by a thousandfold (a Bundle line can hold a patient's whole record): batches are bounded by bytes too.
    private const int BatchBytes = 4 << 20;
    private static readonly int MaxBatchesInFlight = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>
    /// Recognises lines that need not be parsed (records whose codes say nothing the trial reads); null: every line is parsed.
    /// </summary>
    public IrrelevantLineDetector? IrrelevantLines { get; init; }

    /// <summary>Test seam: opens a file (the real file system in production).</summary>
    internal Func<string, Stream>? OpenFile { get; init; }

    /// <summary>Every item of every NDJSON file in <paramref name="folder"/>, in order, after the notes on files not read.</summary>
    /// <exception cref="SourceFolderException">The folder itself is missing or cannot be listed.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance service, registered in and injected by the host.")]
    public async IAsyncEnumerable<SourceItem> ReadAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);

        var (files, notRead) = NdjsonSourceFiles.List(folder);
        foreach (var note in notRead)
        {
            yield return SourceItem.Noted(note);
        }

        var inFlight = new Queue<Task<Chunk>>();
        try
        {
            foreach (var path in files)
            {
                var state = new NdjsonFileState(Path.GetFileName(path));
                var (stream, problem) = NdjsonSourceFiles.Open(path, OpenFile);
                if (stream is null)
                {
                    inFlight.Enqueue(Task.FromResult(new Chunk(state, [], Failure(state, problem!), End: false)));
                    continue;
                }

                await using var lines = new NdjsonLineSplitter(stream);
                var batch = new Batch();
                var first = true;
                while (true)
                {
                    var (line, broken) = await NextAsync(lines, cancellationToken);
                    if (broken is not null || (line is not null && first && IsUtf16(line)))
                    {
                        inFlight.Enqueue(ParseAsync(state, batch, cancellationToken));
                        batch = new Batch();
                        inFlight.Enqueue(Task.FromResult(new Chunk(state, [], Failure(state, broken ?? "the file is UTF-16 (by its byte-order mark); NDJSON must be UTF-8: none of its records is read"), End: false)));
                        break;
                    }

                    if (line is null)
                    {
                        break;
                    }

                    first = false;
                    batch.Add(line, lines.LineNumber);
                    if (batch.IsFull)
                    {
                        inFlight.Enqueue(ParseAsync(state, batch, cancellationToken));
                        batch = new Batch();
                        while (inFlight.Count >= MaxBatchesInFlight)
                        {
                            foreach (var item in (await inFlight.Dequeue()).Items())
                            {
                                yield return item;
                            }
                        }
                    }
                }

                batch.End = true;
                inFlight.Enqueue(ParseAsync(state, batch, cancellationToken));
            }

            while (inFlight.Count > 0)
            {
                foreach (var item in (await inFlight.Dequeue()).Items())
                {
                    yield return item;
                }
            }
        }
        finally
        {
            // A consumer that stops early (or a failure) must not leave parsing tasks running unobserved.
            while (inFlight.Count > 0)
            {
                try
                {
                    await inFlight.Dequeue();
                }
#pragma warning disable CA1031 // Already abandoned by the consumer; the first failure has been or will be seen.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        }
    }

    private static async ValueTask<(byte[]? Line, string? Broken)> NextAsync(NdjsonLineSplitter lines, CancellationToken cancellationToken)
    {
        try
        {
            return (await lines.ReadLineAsync(cancellationToken), null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return (null, NdjsonSourceFiles.BrokenOff(ex, lines.LineNumber));
        }
    }

    private static bool IsUtf16(byte[] line) => line is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];

    /// <summary>
    /// A file (or its rest) that cannot be read. Its records could be any patient's, so every patient is withheld - unless
    /// its Bulk Data name (<c>Encounter.ndjson</c>, <c>Claim.002.ndjson.gz</c>) says it holds a type the adapter never reads.
    /// </summary>
    private static SourceItem Failure(NdjsonFileState state, string reason)
    {
        var harmless = NamedType(state.FileName) is { } type && !FhirFactMapper.ReadsResourceType(type) && type != "Bundle";
        return new(state.FileName, null, new QuarantineEntry(state.FileName, null, null, null, reason)
        {
            OutsideScreening = harmless,
            AffectsEveryPatient = !harmless,
        });
    }

    private static string? NamedType(string fileName)
    {
        var end = 0;
        while (end < fileName.Length && char.IsAsciiLetter(fileName[end]))
        {
            end++;
        }

        var type = fileName[..end];
        return Hl7.Fhir.Model.ModelInfo.IsKnownResource(type) ? type : null;
    }

    private Task<Chunk> ParseAsync(NdjsonFileState state, Batch batch, CancellationToken cancellationToken) =>
        batch.Lines.Count == 0
            ? Task.FromResult(new Chunk(state, [], null, batch.End))
            : Task.Run(
                () =>
                {
                    var parsed = new List<ParsedLine>(batch.Lines.Count);
                    foreach (var (line, number) in batch.Lines)
                    {
                        NdjsonLineParser.Parse(line, state.FileName, number, parsed, IrrelevantLines);
                    }

                    return new Chunk(state, parsed, null, batch.End);
                },
                cancellationToken);

    /// <summary>Lines read and not yet parsed, bounded by count and bytes.</summary>
    private sealed class Batch
    {
        private long _bytes;

        public List<(byte[] Line, int Number)> Lines { get; } = new(BatchLines);

        /// <summary>The file ends after this batch.</summary>
        public bool End { get; set; }

        public bool IsFull => Lines.Count == BatchLines || _bytes >= BatchBytes;

        public void Add(byte[] line, int number)
        {
            Lines.Add((line, number));
            _bytes += line.Length + 1;
        }
    }

    /// <summary>A parsed batch with its file's state (applied in file order, on the reading thread), or a file-level failure.</summary>
    private sealed record Chunk(NdjsonFileState State, List<ParsedLine> Parsed, SourceItem? Failure, bool End)
    {
        public IEnumerable<SourceItem> Items()
        {
            foreach (var item in State.Accept(Parsed))
            {
                yield return item;
            }

            if (Failure is not null)
            {
                foreach (var item in State.Complete())
                {
                    yield return item;
                }

                yield return Failure;
            }
            else if (End)
            {
                foreach (var item in State.Complete())
                {
                    yield return item;
                }
            }
        }
    }
}
