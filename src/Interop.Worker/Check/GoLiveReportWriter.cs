using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interop.Worker.Check;

/// <summary>Prints a go-live report: one <c>PASS|WARN|FAIL  check  detail</c> line per check, or JSON.</summary>
internal static class GoLiveReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task WriteTextAsync(GoLiveReport report, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await output.WriteLineAsync($"Interop go-live check of {report.Source} (EHR '{report.Ehr}')".AsMemory(), cancellationToken);
        var width = report.Checks.Count == 0 ? 0 : report.Checks.Max(c => c.Check.Length);
        foreach (var line in report.Checks)
        {
            await output.WriteLineAsync($"{Label(line.Status)}  {line.Check.PadRight(width)}  {line.Detail}".AsMemory(), cancellationToken);
        }

        var verdict = report.CanSync
            ? "ready: a sync can run" + (report.Checks.Any(c => c.Status == CheckStatus.Warn) ? " (look at the warnings)" : string.Empty)
            : "not ready: fix every FAIL, then run the check again";
        await output.WriteLineAsync(verdict.AsMemory(), cancellationToken);
    }

    public static async Task WriteJsonAsync(GoLiveReport report, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = JsonSerializer.Serialize(new { report.Source, report.Ehr, report.CanSync, report.Checks }, JsonOptions);
        await output.WriteLineAsync(json.AsMemory(), cancellationToken);
    }

    public static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "PASS",
        CheckStatus.Warn => "WARN",
        _ => "FAIL",
    };
}
