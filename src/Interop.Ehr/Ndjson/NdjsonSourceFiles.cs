using System.Globalization;
using System.IO.Compression;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// Which files of a source folder are read (<c>*.ndjson</c> and <c>*.ndjson.gz</c> directly in it, in ordinal name
/// order), notes for the rest, and opening a file with a reason in the adapter's own words when it cannot be
/// (exception messages carry machine paths).
/// </summary>
internal static class NdjsonSourceFiles
{
    private const string Plain = ".ndjson";
    private const string Compressed = ".ndjson.gz";

    /// <summary>The files to read, and one note per kind of entry that is not read.</summary>
    /// <exception cref="SourceFolderException">The folder is missing or cannot be listed.</exception>
    public static (string[] Files, List<SourceNote> NotRead) List(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw SourceFolderException.Missing(folder);
        }

        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(folder).GetFileSystemInfos("*", new EnumerationOptions
            {
                RecurseSubdirectories = false,
                IgnoreInaccessible = false,
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SourceFolderException.Unreadable(folder, ex);
        }

        var files = entries.Where(e => e is not DirectoryInfo && IsNdjson(e.Name)).Select(e => e.FullName).ToArray();

        // All in one folder: ordinal order of the full paths is ordinal order of the file names.
        Array.Sort(files, StringComparer.Ordinal);

        // Counted by extension, not named: a file the export did not name (a per-patient Bundle file) may carry a patient's name.
        var notRead = entries
            .Where(e => e is DirectoryInfo || !IsNdjson(e.Name))
            .GroupBy(e => e is DirectoryInfo ? "(folders)" : "*" + Path.GetExtension(e.Name).ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SourceNote(g.Key, SourceNote.NotRead, g.Count(), g.Key == "(folders)"
                ? Count(g.Count(), "folder") + " not read: only files directly in the source folder are"
                : Count(g.Count(), "file") + " not read: only *.ndjson and *.ndjson.gz files are"))
            .ToList();
        return (files, notRead);
    }

    public static bool IsNdjson(string name) =>
        name.EndsWith(Plain, StringComparison.OrdinalIgnoreCase) || name.EndsWith(Compressed, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's content (decompressed for <c>*.ndjson.gz</c>), or why it cannot be read.</summary>
    public static (Stream? Stream, string? Problem) Open(string path, Func<string, Stream>? open = null)
    {
        try
        {
            var stream = (open ?? OpenFile)(path);
            return path.EndsWith(Compressed, StringComparison.OrdinalIgnoreCase)
                ? (new GZipStream(stream, CompressionMode.Decompress), null)
                : (stream, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, "the file cannot be read: " + ProblemOf(path, ex) + "; none of its records is in this run");
        }
    }

    /// <summary>Why reading stopped after <paramref name="lastLine"/>.</summary>
    public static string BrokenOff(Exception ex, int lastLine) => ex is InvalidDataException
        ? string.Create(CultureInfo.InvariantCulture, $"the compressed data is damaged after line {lastLine}; the file's later records are not in this run")
        : string.Create(CultureInfo.InvariantCulture, $"the file could not be read past line {lastLine} (an I/O error); its later records are not in this run");

    private static FileStream OpenFile(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.Read,
        BufferSize = 0, // the line splitter buffers
        Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
    });

    private static string ProblemOf(string path, Exception ex)
    {
        string? link;
        try
        {
            link = new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            link = null;
        }

        return ex switch
        {
            FileNotFoundException or DirectoryNotFoundException when link is not null => "it is a symbolic link to a file that does not exist",
            FileNotFoundException or DirectoryNotFoundException => "it is gone (removed while the folder was read)",
            UnauthorizedAccessException => "no permission to read it, or it is not a file",
            _ when link is not null => "it is a symbolic link that cannot be followed",
            _ => "an I/O error",
        };
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
}
