using System.CommandLine;
using Interop.Domain.Facts;
using Interop.Ehr.Ndjson;
using Interop.Ehr.Rest;
using Interop.Fhir.Terminology;
using Interop.Store;
using Interop.Worker.Check;
using Interop.Worker.Configuration;
using Interop.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Cli;

/// <summary>The command line: parses the verb, runs it in the host, maps failures to exit codes.</summary>
internal static class InteropCli
{
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, HostCustomization? customize, CancellationToken cancellationToken)
    {
        var sync = new SyncCommand();
        var check = new CheckCommand();
        var serve = new ServeCommand();
        var report = new Report.ReportCommand();
        var root = new RootCommand("Interop: FHIR R4 adapter for the BlinFant trial (blinatumomab in infant KMT2A-rearranged ALL).")
        {
            sync,
            check,
            report,
            serve,
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        if (parsed.CommandResult.Command == report)
        {
            return await Report.ReportVerb.RunAsync(parsed, report, output, error, customize, cancellationToken);
        }

        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            return await parsed.InvokeAsync(cancellationToken: cancellationToken);
        }

        if (parsed.CommandResult.Command == serve)
        {
            return await ServeVerb.RunAsync(output, error, customize, cancellationToken);
        }

        if (parsed.CommandResult.Command == check)
        {
            return await CheckVerb.RunAsync(parsed, check, output, error, customize, cancellationToken);
        }

        if (parsed.CommandResult.Command != sync)
        {
            // --help, --version, or no verb at all.
            var code = await parsed.InvokeAsync(cancellationToken: cancellationToken);
            return parsed.CommandResult.Command == root && args.Length == 0 ? ExitCodes.Usage : code;
        }

        if (!parsed.GetValue(sync.Once))
        {
            await error.WriteLineAsync("error: sync needs --once (the scheduled sync is the 'serve' verb).");
            return ExitCodes.Usage;
        }

        var source = parsed.GetValue(sync.Source);
        if (source is not null && source.Contains("://", StringComparison.Ordinal))
        {
            if (!EhrBaseUrl.TryParse(source, out var url))
            {
                await error.WriteLineAsync("error: --source must be an NDJSON folder or an http(s) FHIR base URL.");
                return ExitCodes.Usage;
            }

            return await HostRun.GuardedAsync(
                url, error, customize, host => LiveSyncVerb.RunAsync(host, parsed, sync, url, output, error, cancellationToken), cancellationToken);
        }

        return await HostRun.GuardedAsync(
            null, error, customize, host => RunFileSyncAsync(host, parsed, sync, output, error, cancellationToken), cancellationToken);
    }

    private static async Task<int> RunFileSyncAsync(
        IHost host, ParseResult parsed, SyncCommand sync, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var settings = host.Services.GetRequiredService<IOptions<InteropOptions>>().Value;
        var asOfText = parsed.GetValue(sync.AsOf);
        if (!HostRun.TryAsOf(host, asOfText, out var asOf))
        {
            await error.WriteLineAsync(HostRun.AsOfError(asOfText));
            return ExitCodes.Usage;
        }

        var siteMaps = parsed.GetValue(sync.SiteMap) is { Length: > 0 } fromCli ? fromCli : settings.SiteMaps.ToArray();
        var request = new SyncRequest(
            Source: parsed.GetValue(sync.Source) ?? settings.Source,
            OutputFolder: parsed.GetValue(sync.Out) ?? settings.OutputFolder,
            AsOf: asOfText,
            SiteMaps: siteMaps,
            DryRun: parsed.GetValue(sync.DryRun));
        if (!Directory.Exists(request.Source))
        {
            var setting = parsed.GetValue(sync.Source) is null ? "Interop:Source" : "--source";
            await error.WriteLineAsync($"error: {setting}: '{request.Source}' is not a folder (an NDJSON export is a folder of *.ndjson files).");
            return ExitCodes.Usage;
        }

        if (!request.DryRun)
        {
            await host.Services.GetRequiredService<StateStore>().MigrateAsync(cancellationToken);
        }

        var report = await host.Services.GetRequiredService<FileSyncRunner>().RunAsync(request, asOf, cancellationToken);
        RunSummaryWriter.Write(report, output, request.DryRun ? null : Path.Combine(request.OutputFolder, FileSyncRunner.ReportFileName));
        return await NothingToEvaluate.ExitCodeAsync(report, error);
    }
}

/// <summary>Runs a verb in a fresh host and maps what escapes to exit codes and messages without patient data.</summary>
internal static class HostRun
{
    public static async Task<int> GuardedAsync(
        Uri? source, TextWriter error, HostCustomization? customize, Func<IHost, Task<int>> run, CancellationToken cancellationToken)
    {
        using var host = InteropHost.Build([], customize, source);
        var logger = host.Services.GetRequiredService<ILogger<FileSyncRunner>>();
        try
        {
            InteropHost.ValidateOptions(host.Services);
            return await run(host);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync($"configuration error: {failure}");
            }

            return ExitCodes.Usage;
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync($"configuration error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (TerminologyMapException ex)
        {
            await error.WriteLineAsync($"configuration error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (SourceFolderException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (StartFailure.Of(ex) is { } failure)
        {
            await error.WriteLineAsync(failure.Message);
            return failure.ExitCode;
        }
        catch (FhirEhrException ex)
        {
            // Messages of the EHR client name method, path, status and issue codes: never a query string, body or token.
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled: nothing was written for this run.");
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: report the failure type and exit 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var failureType = ex.GetType().FullName ?? ex.GetType().Name;
            SyncLog.RunFailed(logger, failureType, ex.StackTrace);
            await error.WriteLineAsync($"error: the run failed ({ex.GetType().Name}); see the log for where.");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The as-of instant: <paramref name="text"/> read in the site zone, or now.</summary>
    public static bool TryAsOf(IHost host, string? text, out AsOf asOf)
    {
        var zone = host.Services.GetRequiredService<IOptions<InteropOptions>>().Value.TimeZone();
        asOf = AsOfParser.InZone(host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), zone);
        return text is null || AsOfParser.TryParse(text, zone, out asOf);
    }

    public static string AsOfError(string? text) =>
        $"error: --as-of '{text}' is not an ISO 8601 date (2026-01-31) or instant (2026-01-31T08:00:00+01:00).";
}
