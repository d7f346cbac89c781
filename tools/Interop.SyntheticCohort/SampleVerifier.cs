namespace Interop.SyntheticCohort;

/// <summary>
/// Checks committed files against a fresh generation (for tests and CI): the export is written to a
/// temporary folder and compared byte for byte.
/// </summary>
internal static class SampleVerifier
{
    /// <summary>One message per file that is missing or differs; empty when everything matches.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(CohortSpec spec, string exportFolder, string? expectedPath, string? siteMapPath, CancellationToken ct)
    {
        var differences = new List<string>();
        var scratch = Path.Combine(Path.GetTempPath(), "synthetic-cohort-verify-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Environment.TickCount64.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await CohortGenerator.WriteExportAsync(spec, scratch, ct);
            foreach (var type in CohortGenerator.ExportTypes)
            {
                var name = type + ".ndjson";
                await CompareAsync(Path.Combine(exportFolder, name), await File.ReadAllBytesAsync(Path.Combine(scratch, name), ct), differences, ct);
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        if (expectedPath is not null)
        {
            await CompareAsync(expectedPath, System.Text.Encoding.UTF8.GetBytes(ExpectationManifest.ToJson(spec)), differences, ct);
        }

        if (siteMapPath is not null)
        {
            await CompareAsync(siteMapPath, System.Text.Encoding.UTF8.GetBytes(SiteConceptMap.ToJson()), differences, ct);
        }

        return differences;
    }

    private static async Task CompareAsync(string path, byte[] fresh, List<string> differences, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            differences.Add($"{path}: missing");
            return;
        }

        var onDisk = await File.ReadAllBytesAsync(path, ct);
        if (!onDisk.AsSpan().SequenceEqual(fresh))
        {
            differences.Add($"{path}: differs from a fresh generation");
        }
    }
}
