namespace Interop.Testing;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Interop.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The bundled sample export.</summary>
    public static string SampleExport => Path.Combine(Root, "samples", "blinfant-export");

    /// <summary>The bundled sample's site ConceptMap.</summary>
    public static string SampleSiteMap => Path.Combine(Root, "samples", "site-conceptmap.json");

    /// <summary>The bundled sample site unit map (unit spellings to UCUM).</summary>
    public static string SampleUnitMap => Path.Combine(Root, "samples", "site-unit-map.json");

    /// <summary>The scenario intent of the bundled sample.</summary>
    public static string SampleExpectations => Path.Combine(Root, "samples", "blinfant-export.expected.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Interop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Interop.sln not found above " + AppContext.BaseDirectory);
    }
}
