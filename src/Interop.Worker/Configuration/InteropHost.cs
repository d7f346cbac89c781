using Interop.Domain.Rules;
using Interop.Fhir.Mapping;
using Interop.Store;
using Interop.Sync;
using Interop.Sync.Lease;
using Interop.Sync.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Configuration;

/// <summary>Builds the generic host every verb runs in: configuration, validated options, logging, services.</summary>
internal static class InteropHost
{
    /// <param name="overrides">Settings over every other source.</param>
    /// <param name="customize">Test seams.</param>
    /// <param name="adHocEhr">A loopback <c>--source</c> URL: also register the unauthenticated ad-hoc connection to it.</param>
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> overrides, HostCustomization? customize = null, Uri? adHocEhr = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });

        Sync.Progress.RunProgressServices.AddForConsole(builder.Services);
        Configure(builder, overrides, customize, adHocEhr);
        customize?.Services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// The configuration, logging, validated options and services every verb shares, on a generic host's builder or on
    /// the web application builder of <c>serve</c>. Test seams' service replacements are left to the caller, to apply last.
    /// </summary>
    /// <returns>The check of the configuration's sections and settings (also registered), to run before the host is built.</returns>
    public static ConfigurationCheck Configure(
        IHostApplicationBuilder builder, IEnumerable<KeyValuePair<string, string?>> overrides, HostCustomization? customize, Uri? adHocEhr)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var check = ConfigureSources(builder.Configuration, overrides, customize);
        builder.Services.AddSingleton(check);

        // Logs go to stderr: stdout carries the run summary, which scripts may read.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // No log line with a request's path or query string (patient ids), whatever the Logging settings say.
        builder.Services.PostConfigure<LoggerFilterOptions>(Logging.PrivacyLogFloor.Apply);
        builder.Services.ConfigureHttpClientDefaults(client => client.RemoveAllLoggers());

        builder.Services.AddOptions<InteropOptions>()
            .Bind(builder.Configuration.GetSection(InteropOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InteropOptions>, InteropOptionsValidator>();
        builder.Services.AddOptions<TrialRuleOptions>()
            .Bind(builder.Configuration.GetSection(TrialRuleOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TrialRuleOptions>, TrialRuleOptionsValidator>();
        builder.Services.AddOptions<ReadingOptions>()
            .Bind(builder.Configuration.GetSection(ReadingOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReadingOptions>, ReadingOptionsValidator>();

        // Before the Store and EHR registrations, which only add the system clock when none is registered.
        builder.Services.AddSingleton(customize?.TimeProvider ?? TimeProvider.System);
        builder.Services.AddInteropStore(builder.Configuration);
        EhrConfiguration.AddInteropEhrs(builder.Services, builder.Configuration, adHocEhr);
        builder.Services.AddOptions<RunLeaseOptions>()
            .Bind(builder.Configuration.GetSection(RunLeaseOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RunLeaseOptions>, RunLeaseOptionsValidator>();
        builder.Services.AddSingleton<RunLeases>();
        Sync.Progress.RunProgressServices.AddLogged(builder.Services);
        builder.Services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<InteropOptions>>().Value;
            return new TrialSite(settings.StudyId, settings.TimeZone());
        });
        builder.Services.AddSingleton<FileSyncRunner>();
        LiveSyncServices.Add(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<LiveSyncRunner>();
        Report.ReportServices.Add(builder.Services, builder.Configuration);
        return check;
    }

    /// <summary>
    /// appsettings.json, then environment variables that are settings (<see cref="EnvironmentSettings"/>: of a known section,
    /// <c>Interop__SiteTimeZone</c>, or with our prefix, <c>INTEROP_Schedule__Cron</c>), never the rest of the process's
    /// environment; then a caller's settings.
    /// </summary>
    private static ConfigurationCheck ConfigureSources(
        IConfigurationManager configuration, IEnumerable<KeyValuePair<string, string?>> overrides, HostCustomization? customize)
    {
        var sources = configuration.Sources;
        var prefixed = EnvironmentSettings.Prefixed(ConfigurationCheck.EnvironmentPrefix);
        var unprefixed = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (unprefixed >= 0)
        {
            sources[unprefixed] = EnvironmentSettings.OfKnownSections();
            sources.Insert(unprefixed + 1, prefixed);
        }
        else
        {
            sources.Add(prefixed);
        }

        var firstOfCaller = sources.Count;
        customize?.Configure?.Invoke(configuration);
        configuration.AddInMemoryCollection(overrides);
        var ours = sources.Where((source, i) => source is JsonConfigurationSource || source == prefixed || i >= firstOfCaller).ToList();
        return new ConfigurationCheck(configuration, ours);
    }

    /// <summary>
    /// Checks the configuration's sections and settings and resolves every options class now, so that a bad setting fails
    /// before any work: unknown sections or settings and invalid values throw <see cref="OptionsValidationException"/>, a
    /// value of the wrong type <see cref="ConfigurationException"/>.
    /// </summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        services.GetRequiredService<ConfigurationCheck>().ThrowIfInvalid();
        try
        {
            _ = services.GetRequiredService<IOptions<InteropOptions>>().Value;
            _ = services.GetRequiredService<IOptions<TrialRuleOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ReadingOptions>>().Value;
            _ = services.GetRequiredService<IOptions<WriteBackOptions>>().Value;
            _ = services.GetRequiredService<IOptions<StoreOptions>>().Value;
            _ = services.GetRequiredService<IOptions<RunLeaseOptions>>().Value;
            EhrConfiguration.Validate(services);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the unknown key and the options class: settings, not patient data.
            throw new ConfigurationException(ex.Message, ex);
        }
    }
}

/// <summary>Test seams: extra configuration sources, a clock, and service replacements (applied after the host's own).</summary>
internal sealed record HostCustomization(
    Action<IConfigurationBuilder>? Configure = null,
    TimeProvider? TimeProvider = null,
    Action<IServiceCollection>? Services = null);
