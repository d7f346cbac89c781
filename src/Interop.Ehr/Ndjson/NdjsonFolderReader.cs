using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// Reads a Bulk Data export folder: every <c>*.ndjson</c> file directly in it, in ordinal file-name
/// order, one resource of any type per line. Streams line by line; a line that does not parse becomes
/// a failure item and the read goes on. Parsing, the expensive part, runs on every core in batches
/// whose results are handed out in file order, so the output is the same as a sequential read and
/// at most a few batches are held in memory.
/// </summary>
public sealed class NdjsonFolderReader
{
    private const int BufferSize = 1 << 16;
    private const int BatchLines = 256;
    private static readonly int MaxBatchesInFlight = Math.Max(2, Environment.ProcessorCount * 2);
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Every non-blank line of every NDJSON file in <paramref name="folder"/>, in order.</summary>
    /// <exception cref="SourceFolderException">The folder is missing or cannot be read.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance service, registered in and injected by the host.")]
    public async IAsyncEnumerable<SourceItem> ReadAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);

        var inFlight = new Queue<Task<SourceItem[]>>();
        try
        {
            foreach (var path in ListFiles(folder))
            {
                var fileName = Path.GetFileName(path);
                using var reader = Open(folder, path);
                var lineNumber = 0;
                var batch = new List<(string Line, int Number)>(BatchLines);
                while (await ReadLineAsync(reader, folder, cancellationToken) is { } line)
                {
                    lineNumber++;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    batch.Add((line, lineNumber));
                    if (batch.Count == BatchLines)
                    {
                        inFlight.Enqueue(ParseAsync(fileName, batch, cancellationToken));
                        batch = new List<(string Line, int Number)>(BatchLines);
                        while (inFlight.Count >= MaxBatchesInFlight)
                        {
                            foreach (var item in await inFlight.Dequeue())
                            {
                                yield return item;
                            }
                        }
                    }
                }

                if (batch.Count > 0)
                {
                    inFlight.Enqueue(ParseAsync(fileName, batch, cancellationToken));
                }
            }

            while (inFlight.Count > 0)
            {
                foreach (var item in await inFlight.Dequeue())
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

    private static Task<SourceItem[]> ParseAsync(string fileName, List<(string Line, int Number)> batch, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var items = new SourceItem[batch.Count];
                for (var i = 0; i < batch.Count; i++)
                {
                    var (line, number) = batch[i];
                    items[i] = NdjsonLineParser.Parse(line, string.Create(CultureInfo.InvariantCulture, $"{fileName}:{number}"));
                }

                return items;
            },
            cancellationToken);

    private static string[] ListFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw SourceFolderException.Missing(folder);
        }

        string[] files;
        try
        {
            files = Directory.GetFiles(folder, "*.ndjson", new EnumerationOptions
            {
                RecurseSubdirectories = false,
                MatchCasing = MatchCasing.CaseInsensitive,
                IgnoreInaccessible = false,
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SourceFolderException.Unreadable(folder, ex);
        }

        // All in one folder: ordinal order of the full paths is ordinal order of the file names.
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static StreamReader Open(string folder, string path)
    {
        try
        {
            var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                BufferSize = 0, // the StreamReader buffers
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
            return new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, BufferSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SourceFolderException.Unreadable(folder, ex);
        }
    }

    private static async ValueTask<string?> ReadLineAsync(StreamReader reader, string folder, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw SourceFolderException.Unreadable(folder, ex);
        }
    }
}
