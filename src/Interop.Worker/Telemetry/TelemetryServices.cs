using Interop.Worker.Configuration;
using Interop.Worker.Serve;
using Interop.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Interop.Worker.Telemetry;

/// <summary>Registers the adapter's meter and activity source and, by <c>Telemetry:Exporter</c>, the OpenTelemetry SDK that exports them.</summary>
internal static class TelemetryServices
{
    /// <summary>The ASP.NET Core meter (request durations by route template, never by path).</summary>
    private const string AspNetCoreMeter = "Microsoft.AspNetCore.Hosting";

    public static IServiceCollection AddInteropTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        services.AddOptions<TelemetryOptions>().Bind(section, o => o.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddMetrics();
        services.TryAddSingleton<SyncRunBoard>();
        services.TryAddSingleton<SyncTelemetry>();

        // Read now to choose what to register; bad values are reported by the validator on start.
        var options = new TelemetryOptions();
        section.Bind(options);
        if (options.Validate().Count > 0 || options.ExporterKind == "none")
        {
            return services;
        }

        var console = options.ExporterKind == "console";
        var endpoint = options.OtlpEndpointUri();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("interop", serviceVersion: AdapterVersion.Current))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SyncTelemetry.Name, AspNetCoreMeter);
                _ = console ? metrics.AddConsoleExporter() : metrics.AddOtlpExporter(o => o.Endpoint = endpoint ?? o.Endpoint);
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(SyncTelemetry.Name).AddAspNetCoreInstrumentation(o =>
                {
                    o.RecordException = false;
                    o.EnrichWithHttpRequest = SpanScrubber.OnRequest;
                    o.EnrichWithHttpResponse = SpanScrubber.OnResponse;
                });
                _ = console ? tracing.AddConsoleExporter() : tracing.AddOtlpExporter(o => o.Endpoint = endpoint ?? o.Endpoint);
            });
        return services;
    }
}

/// <summary>Validates <see cref="TelemetryOptions"/> on start.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options) => InteropOptionsValidator.ToResult(options.Validate());
}
