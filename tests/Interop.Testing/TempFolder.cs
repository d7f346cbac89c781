using System.Text;

namespace Interop.Testing;

/// <summary>A folder under the system temp path, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "interop-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes lines joined by <paramref name="newLine"/>, UTF-8 without BOM unless asked.</summary>
    public string Write(string fileName, IEnumerable<string> lines, string newLine = "\n", bool bom = false)
    {
        var path = Combine(fileName);
        File.WriteAllText(path, string.Join(newLine, lines) + newLine, new UTF8Encoding(bom));
        return path;
    }

    /// <summary>Every file below the folder, relative and in ordinal order.</summary>
    public string[] FileNames() =>
        [.. Directory.GetFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
