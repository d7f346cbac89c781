using System.IO.Compression;
using System.Text;

namespace Interop.Testing;

/// <summary>Writes the files a real Bulk Data export folder holds besides plain NDJSON (samples under Samples/Bulk).</summary>
public static class BulkExportFiles
{
    /// <summary>Copies <c>Samples/Bulk/<paramref name="sample"/></c> into the folder, under <paramref name="name"/> when given.</summary>
    public static string CopySample(this TempFolder folder, string sample, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = folder.Combine(name ?? sample);
        File.Copy(FhirSamples.PathOf(Path.Combine("Bulk", sample)), path);
        return path;
    }

    /// <summary>The sample's lines.</summary>
    public static string[] SampleLines(string sample) => File.ReadAllLines(FhirSamples.PathOf(Path.Combine("Bulk", sample)));

    /// <summary>Writes <paramref name="lines"/> as a gzip-compressed UTF-8 file (<c>*.ndjson.gz</c>).</summary>
    public static string WriteGzip(this TempFolder folder, string name, IEnumerable<string> lines) =>
        folder.WriteGzip(name, lines.Select(Encoding.UTF8.GetBytes));

    /// <summary>Writes lines given as raw bytes as a gzip-compressed file, LF after each.</summary>
    public static string WriteGzip(this TempFolder folder, string name, IEnumerable<byte[]> lines)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(lines);
        var path = folder.Combine(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        foreach (var line in lines)
        {
            gzip.Write(line);
            gzip.WriteByte((byte)'\n');
        }

        return path;
    }

    /// <summary>Writes lines given as raw bytes (each may hold invalid UTF-8 or a byte-order mark), LF after each.</summary>
    public static string WriteBytes(this TempFolder folder, string name, params byte[][] lines)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(lines);
        var path = folder.Combine(name);
        using var file = File.Create(path);
        foreach (var line in lines)
        {
            file.Write(line);
            file.WriteByte((byte)'\n');
        }

        return path;
    }

    /// <summary>UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The UTF-8 byte-order mark followed by <paramref name="text"/>, as a file concatenated with <c>cat</c> carries it.</summary>
    public static byte[] WithByteOrderMark(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    /// <summary><paramref name="text"/> with its first occurrence of <paramref name="marker"/> replaced by a byte that is never valid UTF-8.</summary>
    public static byte[] WithInvalidUtf8(string text, string marker)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException("marker not found", nameof(marker));
        }

        return [.. Encoding.UTF8.GetBytes(text[..at]), 0xFF, .. Encoding.UTF8.GetBytes(text[(at + marker.Length)..])];
    }
}
