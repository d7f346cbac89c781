using Interop.Ehr.Auth;
using Interop.Ehr.Bulk;
using Interop.Ehr.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Interop.Ehr.DependencyInjection;

/// <summary>Registers the FHIR REST client of one EHR.</summary>
public static class FhirEhrServiceCollectionExtensions
{
    /// <summary>
    /// Registers EHR <paramref name="name"/>: named <see cref="EhrConnectionOptions"/> (validated on start),
    /// and keyed by <paramref name="name"/> a <see cref="FhirClient"/>, its <see cref="IFhirRestApi"/> and
    /// its <see cref="FhirRequestCounter"/>. Bind configuration with
    /// <c>services.AddOptions&lt;EhrConnectionOptions&gt;(name).Bind(config.GetSection(EhrConnectionOptions.SectionFor(name)), o =&gt; o.ErrorOnUnknownConfiguration = true)</c>.
    /// </summary>
    /// <remarks>
    /// FHIR pipeline, outermost first: same-origin guard, bearer token (401 -> new token, once), the
    /// standard resilience handler (<see cref="EhrResiliencePolicy"/>), per-attempt logging without
    /// query strings (the factory's default loggers, which log full URIs, are removed), and reading the body
    /// within the attempt (so a drop mid-body or a trickling body is retried and timed out like any failure). The HttpClient's
    /// own 100 s timeout is off: the resilience handler's timeouts govern. The SMART configuration and
    /// token requests use a second client with the same resilience and logging but no token.
    /// </remarks>
    public static IServiceCollection AddFhirEhrClient(this IServiceCollection services, string name, Action<EhrConnectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var optionsBuilder = services.AddOptions<EhrConnectionOptions>(name);
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        optionsBuilder.ValidateOnStart();
        services.AddSingleton<IValidateOptions<EhrConnectionOptions>>(new EhrConnectionOptionsValidator(name));
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton<FhirRequestCounter>(name);

        var fhirClientName = "Interop.Ehr.Fhir." + name;
        var smartClientName = "Interop.Ehr.Smart." + name;

        var fhir = services.AddHttpClient(fhirClientName, (sp, client) => ConfigureClient(client, Options(sp, name)))
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new SameOriginHandler(Options(sp, name).BaseUrl!))
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredKeyedService<IAccessTokenSource>(name)));
        fhir.AddStandardResilienceHandler().Configure((o, sp) => ConfigureResilience(o, sp, name));
        fhir.AddHttpMessageHandler(sp => LoggingHandler(sp, name, sp.GetRequiredKeyedService<FhirRequestCounter>(name)))
            .AddHttpMessageHandler(() => new ResponseBufferingHandler());

        var smart = services.AddHttpClient(smartClientName, (sp, client) => ConfigureClient(client, Options(sp, name)))
            .RemoveAllLoggers();
        smart.AddStandardResilienceHandler().Configure((o, sp) => ConfigureResilience(o, sp, name));
        smart.AddHttpMessageHandler(sp => LoggingHandler(sp, name, null))
            .AddHttpMessageHandler(() => new ResponseBufferingHandler());

        services.AddKeyedSingleton<IAccessTokenSource>(name, (sp, _) => CreateTokenSource(sp, name, smartClientName));

        var fhirSettings = FhirRefitSettings.Create();
        services.AddKeyedTransient<IFhirRestApi>(name, (sp, _) =>
            RestService.For<IFhirRestApi>(sp.GetRequiredService<IHttpClientFactory>().CreateClient(fhirClientName), fhirSettings));
        services.AddKeyedTransient<FhirClient>(name, (sp, _) =>
            new FhirClient(sp.GetRequiredKeyedService<IFhirRestApi>(name), Options(sp, name).BaseUrl!, sp.GetRequiredKeyedService<FhirRequestCounter>(name)));
        AddBulkData(services, name, fhirClientName, fhirSettings);
        return services;
    }

    /// <summary>
    /// The Bulk Data client and exporter (keyed by <paramref name="name"/>). Kick-off, status and DELETE go through the FHIR
    /// pipeline; file downloads through two streaming clients (no buffering): one with the token and the same-origin guard,
    /// for manifests with requiresAccessToken, one with neither. The exporter needs an <see cref="IBulkExportStateStore"/>.
    /// </summary>
    private static void AddBulkData(IServiceCollection services, string name, string fhirClientName, RefitSettings fhirSettings)
    {
        var withToken = "Interop.Ehr.BulkFiles." + name;
        var withoutToken = "Interop.Ehr.BulkFilesOpen." + name;
        var files = services.AddHttpClient(withToken, (sp, client) => ConfigureClient(client, Options(sp, name)))
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new SameOriginHandler(Options(sp, name).BaseUrl!))
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredKeyedService<IAccessTokenSource>(name)));
        files.AddStandardResilienceHandler().Configure((o, sp) => ConfigureResilience(o, sp, name));
        files.AddHttpMessageHandler(sp => LoggingHandler(sp, name, sp.GetRequiredKeyedService<FhirRequestCounter>(name)));
        var open = services.AddHttpClient(withoutToken, (sp, client) => ConfigureClient(client, Options(sp, name))).RemoveAllLoggers();
        open.AddStandardResilienceHandler().Configure((o, sp) => ConfigureResilience(o, sp, name));
        open.AddHttpMessageHandler(sp => LoggingHandler(sp, name, sp.GetRequiredKeyedService<FhirRequestCounter>(name)));

        services.AddKeyedTransient<BulkDataClient>(name, (sp, _) =>
        {
            var options = Options(sp, name);
            return new BulkDataClient(
                RestService.For<IBulkDataApi>(sp.GetRequiredService<IHttpClientFactory>().CreateClient(fhirClientName), fhirSettings),
                sp.GetRequiredKeyedService<FhirClient>(name),
                options.BaseUrl!,
                options.Bulk,
                name,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<BulkDataClient>>());
        });
        services.AddKeyedTransient<BulkExporter>(name, (sp, _) =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var settings = new RefitSettings { ExceptionFactory = _ => ValueTask.FromResult<Exception?>(null) };
            var downloader = new BulkFileDownloader(
                RestService.For<IBulkFileApi>(factory.CreateClient(withToken), settings),
                RestService.For<IBulkFileApi>(factory.CreateClient(withoutToken), settings),
                Options(sp, name),
                name,
                sp.GetRequiredService<ILogger<BulkExporter>>());
            return new BulkExporter(
                sp.GetRequiredKeyedService<BulkDataClient>(name),
                downloader,
                sp.GetRequiredService<IBulkExportStateStore>(),
                name,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<BulkExporter>>());
        });
    }

    private static EhrConnectionOptions Options(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<EhrConnectionOptions>>().Get(name);

    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, IServiceProvider services, string name)
    {
        try
        {
            EhrResiliencePolicy.Configure(resilience, Options(services, name).Resilience);
        }
        catch (OptionsValidationException)
        {
            // Invalid EHR settings are reported once, by their own start-up validation; repeating the same
            // failure for each resilience pipeline would only triple the message.
        }
    }

    private static void ConfigureClient(HttpClient client, EhrConnectionOptions options)
    {
        client.BaseAddress = options.BaseUrl;
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    private static FhirHttpLoggingHandler LoggingHandler(IServiceProvider services, string name, FhirRequestCounter? counter) =>
        new(services.GetRequiredService<ILogger<FhirHttpLoggingHandler>>(), services.GetRequiredService<TimeProvider>(), name, counter);

    private static IAccessTokenSource CreateTokenSource(IServiceProvider services, string name, string smartClientName)
    {
        var options = Options(services, name);
        switch (options.Auth.Mode)
        {
            case EhrAuthMode.Bearer:
                return new StaticBearerTokenSource(options.Auth, EhrConnectionOptions.SectionFor(name) + ":Auth");
            case EhrAuthMode.SmartBackendServices:
                var factory = services.GetRequiredService<IHttpClientFactory>();
                var settings = SmartRefitSettings.Create();
                return new SmartBackendTokenSource(
                    options,
                    name,
                    RestService.For<ISmartConfigurationApi>(factory.CreateClient(smartClientName), settings),
                    RestService.For<ISmartTokenApi>(factory.CreateClient(smartClientName), settings),
                    services.GetRequiredService<TimeProvider>(),
                    services.GetRequiredService<ILogger<SmartBackendTokenSource>>());
            default:
                return new NoAccessToken();
        }
    }
}
