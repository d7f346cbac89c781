using System.Text;

namespace Interop.Ehr.Tests;

/// <summary>A fresh folder under the temp directory, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "interop-ehr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes lines joined by <paramref name="newLine"/>, UTF-8 without BOM unless asked.</summary>
    public string Write(string fileName, IEnumerable<string> lines, string newLine = "\n", bool bom = false)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, string.Join(newLine, lines) + newLine, new UTF8Encoding(bom));
        return path;
    }

    public string[] FileNames() =>
        [.. Directory.GetFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
