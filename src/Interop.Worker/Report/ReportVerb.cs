using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text.Json;
using Interop.Store;
using Interop.Worker.Cli;
using Interop.Worker.Configuration;
using Interop.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Interop.Worker.Report;

/// <summary>
/// <c>report [--target &lt;name&gt;] [--as-of &lt;date&gt;] [--format text|json] [--plot &lt;file.png|file.svg&gt;]</c>.
/// Exit 0 with the report; 2 for bad usage or configuration (the message names the option or setting), and when the
/// store holds several targets and none is named, or the named one has nothing recorded (the message lists the
/// targets); 1 when no subject status is recorded yet (nothing to report: run <c>sync --once</c> first).
/// </summary>
internal static class ReportVerb
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static async Task<int> RunAsync(
        ParseResult parsed, ReportCommand report, TextWriter output, TextWriter error, HostCustomization? customize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(report);
        if (parsed.Action is HelpAction)
        {
            return await parsed.InvokeAsync(cancellationToken: cancellationToken);
        }

        var format = parsed.GetValue(report.Format);
        if (format is not ("text" or "json"))
        {
            await error.WriteLineAsync($"error: --format '{format}' is not text or json.");
            return ExitCodes.Usage;
        }

        var asOfText = parsed.GetValue(report.AsOf);
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                await error.WriteLineAsync($"error: --as-of '{asOfText}' is not an ISO 8601 date (2026-01-31).");
                return ExitCodes.Usage;
            }

            asOf = date;
        }

        var plot = parsed.GetValue(report.Plot);
        if (plot is not null && !CohortPlot.IsSupported(plot))
        {
            await error.WriteLineAsync($"error: --plot '{plot}' must end in .png or .svg.");
            return ExitCodes.Usage;
        }

        var target = parsed.GetValue(report.Target);
        return await HostRun.GuardedAsync(
            null, error, customize, host => RunAsync(host, target, asOf, format == "json", plot, output, error, cancellationToken), cancellationToken);
    }

    private static async Task<int> RunAsync(
        IHost host, string? target, DateOnly? asOf, bool json, string? plot, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ReportServices.ValidateOptions(host.Services);
        await host.Services.GetRequiredService<StateStore>().MigrateAsync(cancellationToken);
        var answer = await host.Services.GetRequiredService<CohortReportService>().BuildAsync(target, asOf, cancellationToken);
        var targets = string.Join(", ", answer.Targets);
        switch (answer.Status)
        {
            case CohortTargetStatus.NothingRecorded:
                await error.WriteLineAsync("error: no subject status is recorded in the state store yet: run 'sync --once' first.");
                return ExitCodes.Failure;
            case CohortTargetStatus.TargetRequired:
                await error.WriteLineAsync($"error: the state store holds several targets ({targets}); name one with --target (targets are never merged).");
                return ExitCodes.Usage;
            case CohortTargetStatus.UnknownTarget:
                await error.WriteLineAsync($"error: --target '{target}' has no subject status recorded; recorded targets: {targets}.");
                return ExitCodes.Usage;
        }

        var result = answer.Result!;
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(TrialSummaryMapping.From(result), JsonOptions).AsMemory(), cancellationToken);
        }
        else
        {
            await CohortReportTextWriter.WriteAsync(result, output, cancellationToken);
        }

        if (plot is not null)
        {
            await CohortPlot.SaveAsync(host.Services.GetRequiredService<ICohortPlot>(), result, plot, cancellationToken);
            await error.WriteLineAsync($"plot written to {plot}");
        }

        return ExitCodes.Success;
    }
}
