using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;
using Interop.Testing;
using Microsoft.Data.Sqlite;

namespace Interop.Worker.Tests.Privacy;

/// <summary>
/// A screened patient whose every identifying value is a sentinel no code could produce (Samples/Privacy): names, birth
/// date, identifier values, an unrecognised unit and a text answer. None may reach any output; the patient's id may
/// appear where the adapter names patients by design (a quarantine entry, a subject, its own log events), never in a
/// request path or query string.
/// </summary>
internal static class Sentinels
{
    public const string PatientId = "sntl-pt-7q3x";

    /// <summary>Patient data that must appear nowhere.</summary>
    public static readonly string[] Content = ["Zqxwvmeyer", "Ysentinelle", "2018-10-03", "MRN-SNTL-88412", "INS-SNTL-30571", "sntl-unit-kq", "sntl-value-jz"];

    private static readonly string[] Samples =
        ["patient-sentinel.json", "condition-sentinel-all.json", "observation-sentinel-unit.json", "observation-sentinel-text.json"];

    public static IReadOnlyList<Resource> Resources() => [.. Samples.Select(s => FhirSamples.Load("Privacy/" + s))];

    /// <summary>Writes the sentinel patient's resources as an NDJSON export (one file per type) and returns its folder.</summary>
    public static string WriteExport(TempFolder folder)
    {
        var export = folder.Combine("export");
        Directory.CreateDirectory(export);
        foreach (var group in Resources().GroupBy(r => r.TypeName))
        {
            File.WriteAllLines(Path.Combine(export, group.Key + ".ndjson"), group.Select(r => JsonSerializer.Serialize(r, r.GetType(), FhirJson.Options)));
        }

        return export;
    }

    /// <summary>No sentinel value anywhere in <paramref name="text"/>.</summary>
    public static void AssertNoPatientData(string channel, string text)
    {
        foreach (var sentinel in Content)
        {
            var at = text.IndexOf(sentinel, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, $"{channel} carries patient data '{sentinel}': ...{Excerpt(text, at)}...");
        }
    }

    /// <summary>The patient id never as a path segment or a query value (plain or percent-encoded).</summary>
    public static void AssertIdNotInRequests(string channel, string text)
    {
        foreach (var form in new[] { "/" + PatientId, "=" + PatientId, "%2F" + PatientId, "%3D" + PatientId })
        {
            var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, $"{channel} carries the patient id in a request: ...{Excerpt(text, at)}...");
        }
    }

    /// <summary>A console log (one line per event): no patient data, the id in no request, and named only by the adapter's own events.</summary>
    public static void AssertCleanLog(string channel, string log)
    {
        AssertNoPatientData(channel, log);
        AssertIdNotInRequests(channel, log);
        foreach (var line in log.Split('\n').Where(l => l.Contains(PatientId, StringComparison.Ordinal)))
        {
            var category = line.Split(": ", 2) is [_, var rest] ? rest.Split('[', 2)[0] : string.Empty;
            Assert.True(category.StartsWith("Interop.", StringComparison.Ordinal), $"{channel}: a framework log line names the patient: {line}");
        }
    }

    /// <summary>Every file under <paramref name="folder"/>, as text.</summary>
    public static void AssertFilesClean(string folder)
    {
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            AssertNoPatientData(Path.GetFileName(file), File.ReadAllText(file));
        }
    }

    /// <summary>Every value of every table of a SQLite state store, as text.</summary>
    public static void AssertStoreClean(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("SyncRunQuarantine", tables);
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string value)
                    {
                        AssertNoPatientData($"store {table}.{reader.GetName(i)}", value);
                    }
                }
            }
        }
    }

    /// <summary>The settings every sentinel run gets: everything logged, to stderr, down to Trace.</summary>
    public static Dictionary<string, string?> TraceEverything(TempFolder folder) => new()
    {
        ["Logging__LogLevel__Default"] = "Trace",
        ["Logging__LogLevel__Interop"] = "Trace",
        ["Logging__LogLevel__Microsoft"] = "Trace",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Trace",

        // A provider's own levels outrank the general ones: the privacy floor must hold against them too.
        ["Logging__Console__LogLevel__Default"] = "Trace",
        ["Logging__Console__LogLevel__Microsoft.AspNetCore"] = "Trace",
        ["Store__ConnectionString"] = $"Data Source={folder.Combine("state.db")};Pooling=False",
        ["Interop__SiteMaps__0"] = RepositoryPaths.SampleSiteMap,
    };

    private static string Excerpt(string text, int at) => at < 0 ? string.Empty : text.Substring(Math.Max(0, at - 120), Math.Min(240, text.Length - Math.Max(0, at - 120)));
}
