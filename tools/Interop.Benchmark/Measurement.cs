using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;
using Interop.Worker.Cli;

namespace Interop.Benchmark;

/// <summary>One measurement in its own process; prints "resources seconds peakBytes".</summary>
internal static class Measurement
{
    public const string RawParse = "parse";
    public const string EndToEnd = "sync";

    public static async Task<int> RunChildAsync(string mode, string folder, string[] rest)
    {
        var watch = Stopwatch.StartNew();
        long resources = mode switch
        {
            RawParse => ParseEveryLine(folder),
            EndToEnd => await SyncAsync(folder, rest),
            _ => throw new ArgumentException($"unknown mode '{mode}'", nameof(mode)),
        };
        watch.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {resources} {watch.Elapsed.TotalSeconds:F4} {self.PeakWorkingSet64}"));
        return 0;
    }

    /// <summary>The baseline: Firely's System.Text.Json deserialisation of every line, nothing else.</summary>
    private static long ParseEveryLine(string folder)
    {
        // The same Firely options the adapter reads with, so the baseline is the parse the adapter pays for.
        var options = FhirJson.Options;
        long count = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.ndjson").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<Resource>(line, options) is not null)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>The product: the real CLI sync, file mode, writing outcomes to a scratch folder.</summary>
    private static async Task<long> SyncAsync(string folder, string[] rest)
    {
        var output = Path.Combine(Path.GetTempPath(), "interop-bench-out", Guid.NewGuid().ToString("N"));
        try
        {
            using var quiet = new StringWriter();
            var code = await InteropCli.RunAsync(
                ["sync", "--once", "--source", folder, "--out", output, "--as-of", "2026-06-01", .. rest],
                quiet, Console.Error, customize: null, CancellationToken.None);
            if (code != 0)
            {
                throw new InvalidOperationException($"sync exited {code}: {quiet}");
            }

            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "run-report.json")));
            return report.RootElement.GetProperty("resourcesRead").GetInt64();
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
