using Resource = Hl7.Fhir.Model.Resource;
using Interop.Fhir.Serialization;

namespace Interop.Ehr.Sinks;

/// <summary>
/// One NDJSON output file, written to a hidden temp file beside it and renamed into place on commit,
/// so that a reader never sees half a file. Disposing without a commit deletes the temp file.
/// </summary>
internal sealed class NdjsonTempFile : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly string _finalPath;
    private readonly string _tempPath;
    private readonly FileStream _stream;
    private bool _committed;

    public NdjsonTempFile(string folder, string fileName)
    {
        _finalPath = Path.Combine(folder, fileName);

        // A fixed name (not a random one): a crashed run's leftover is overwritten by the next run instead
        // of piling up, and a second writer on the same folder fails on the exclusive open. The leading dot
        // and the .tmp ending keep it out of any *.ndjson listing of this folder.
        _tempPath = Path.Combine(folder, "." + fileName + ".tmp");
        _stream = new FileStream(_tempPath, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
    }

    /// <summary>One resource as one compact JSON line ending in <c>\n</c>, UTF-8 without BOM (its JSON from <paramref name="kept"/> when there).</summary>
    public async Task WriteAsync(Resource resource, OutcomeJson? kept, CancellationToken cancellationToken)
    {
        var json = OutcomeJson.Of(resource, kept);
        await _stream.WriteAsync(json, cancellationToken);
        await _stream.WriteAsync(NewLine, cancellationToken);
    }

    /// <summary>Makes the content durable, then renames the temp file over the final one (atomic on one volume).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _stream.FlushAsync(cancellationToken);
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync();
        File.Move(_tempPath, _finalPath, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        if (!_committed)
        {
            File.Delete(_tempPath);
        }
    }
}
