using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// Reads a Bulk Data export folder: every <c>*.ndjson</c> file directly in it, in ordinal file-name
/// order, one resource of any type per line. Streams line by line; a line that does not parse becomes
/// a failure item and the read goes on.
/// </summary>
public sealed class NdjsonFolderReader
{
    private const int BufferSize = 1 << 16;
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Every non-blank line of every NDJSON file in <paramref name="folder"/>, in order.</summary>
    /// <exception cref="SourceFolderException">The folder is missing or cannot be read.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance service, registered in and injected by the host.")]
    public async IAsyncEnumerable<SourceItem> ReadAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);

        foreach (var path in ListFiles(folder))
        {
            var fileName = Path.GetFileName(path);
            using var reader = Open(folder, path);
            var lineNumber = 0;
            while (await ReadLineAsync(reader, folder, cancellationToken) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                yield return NdjsonLineParser.Parse(line, string.Create(CultureInfo.InvariantCulture, $"{fileName}:{lineNumber}"));
            }
        }
    }

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
