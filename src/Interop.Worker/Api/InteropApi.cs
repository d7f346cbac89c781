using Interop.Worker.CdsHooks;
using Interop.Worker.CdsHooks.ClientAuthentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Api;

/// <summary>
/// The trial-status API (<c>/api/v1</c>), its OpenAPI document (<c>/openapi/v1.json</c>) and CDS Hooks
/// (<c>/cds-services</c>), all requiring the read role (triggering a sync: operate). Needs a <c>StateStore</c>,
/// an <c>ISyncTrigger</c> and an <c>ITrialSummarySource</c> registered beside it.
/// </summary>
internal static class InteropApi
{
    /// <summary>
    /// Adds the <c>Api</c> options (validated on start), authentication (API keys, JWT bearer when <c>Api:Jwt</c> is
    /// set), the <c>read</c> and <c>operate</c> policies with an authenticated-caller fallback, ProblemDetails,
    /// OpenAPI and the endpoints' services.
    /// </summary>
    public static IServiceCollection AddInteropApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        ApiAuthentication.Add(services, configuration);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // An unhandled exception answers 500 with fixed wording: never its message, stack or data.
            if (context.Exception is not null)
            {
                context.ProblemDetails.Detail = null;
                context.ProblemDetails.Extensions.Remove("exception");
            }
        });

        // Malformed input (such as a body that is not JSON) answers 400 in every environment instead of throwing.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<OpenApiSecurity>();
            o.AddOperationTransformer<OpenApiSecurity>();
        });
        services.AddSingleton<SubjectLookup>();
        services.AddSingleton<CdsHooksResponder>();
        return services;
    }

    /// <summary>
    /// Listens on <c>Api:Urls</c> (unless addresses were set on <paramref name="app"/>), warning for each plain http address
    /// that is not loopback, adds the exception handler,
    /// status-code ProblemDetails, authentication and authorization, and maps the API, the OpenAPI document and
    /// CDS Hooks. Map anonymous endpoints (health) with <c>AllowAnonymous()</c>: everything else needs a caller.
    /// </summary>
    public static WebApplication UseInteropApi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (app.Urls.Count == 0)
        {
            foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                app.Urls.Add(url);
            }
        }

        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteropApi).FullName!);
        var cdsClients = app.Services.GetRequiredService<IOptions<CdsHooksOptions>>().Value.TrustedClients;
        if (options.Keys.Count == 0 && options.Jwt is null && cdsClients.Count == 0)
        {
            ApiLog.NoCredentialsConfigured(log);
        }

        foreach (var url in app.Urls.Where(ApiOptions.IsPlainHttpOffThisMachine))
        {
            ApiLog.PlainHttpOffThisMachine(log, url);
        }

        app.UseRequestLog();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapInteropApi();
        app.MapCdsHooks();
        return app;
    }

    /// <summary>Maps <c>/api/v1/...</c> and <c>/openapi/v1.json</c> (read role; POST runs: operate).</summary>
    public static IEndpointRouteBuilder MapInteropApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(ApiRoles.Read).WithTags("Trial status");
        SubjectEndpoints.Map(api);
        SummaryEndpoints.Map(api);
        RunEndpoints.Map(api);
        OutcomeConflictEndpoints.Map(api);
        endpoints.MapOpenApi().RequireAuthorization(ApiRoles.Read);
        return endpoints;
    }
}

/// <summary>Runs <see cref="ApiOptions.Validate"/> on start.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
