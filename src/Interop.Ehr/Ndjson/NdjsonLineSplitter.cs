using System.Buffers;
using System.IO.Pipelines;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// Splits a stream into lines of raw bytes, so that each line's UTF-8 is checked on its own (one bad byte sets aside
/// one line, not the rest of the file). Drops the line end (LF or CRLF) and byte-order marks at the start of any line:
/// files concatenated with <c>cat</c> carry one where each file began. Blank lines are skipped but counted.
/// </summary>
internal sealed class NdjsonLineSplitter(Stream stream) : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly PipeReader _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: BufferSize, minimumReadSize: BufferSize / 4));
    private long _scanned;
    private bool _done;

    /// <summary>The 1-based number of the line last returned (blank lines included).</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line that is not blank, or null at the end.</summary>
    public async ValueTask<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (!_done)
        {
            var result = await _reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;

            // Only the bytes not yet searched: a long line arrives in many reads and must not be searched from its start each time.
            var newline = buffer.Slice(_scanned).PositionOf((byte)'\n');
            byte[]? line;
            if (newline is { } end)
            {
                line = Clean(buffer.Slice(0, end));
                _reader.AdvanceTo(buffer.GetPosition(1, end));
            }
            else if (result.IsCompleted)
            {
                _done = true;
                var rest = buffer.Length > 0;
                line = rest ? Clean(buffer) : null;
                _reader.AdvanceTo(buffer.End);
                if (!rest)
                {
                    break;
                }
            }
            else
            {
                _scanned = buffer.Length;
                _reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            _scanned = 0;
            LineNumber++;
            if (line is not null)
            {
                return line;
            }
        }

        return null;
    }

    public ValueTask DisposeAsync() => _reader.CompleteAsync();

    /// <summary>The line without CR and leading byte-order marks; null when nothing but white space is left.</summary>
    private static byte[]? Clean(ReadOnlySequence<byte> sequence)
    {
        var array = sequence.ToArray();
        var bytes = array.AsSpan();
        if (bytes.EndsWith("\r"u8))
        {
            bytes = bytes[..^1];
        }

        while (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (bytes.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        return bytes.Length == array.Length ? array : bytes.ToArray();
    }
}
