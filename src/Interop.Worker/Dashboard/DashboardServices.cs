using Interop.Worker.Api;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Worker.Dashboard;

/// <summary>
/// The browser dashboard (Razor Pages under <c>Dashboard/Pages</c>, served at <c>/</c>): a cookie session opened with an
/// API key or (with <c>Api:Dashboard:Oidc</c>) through the identity provider of <c>Api:Jwt</c>, the <see cref="Policy"/> policy (the API's read role, by cookie only), antiforgery on every form, and the
/// security headers. Add after <see cref="InteropApi.AddInteropApi"/>.
/// </summary>
internal static class DashboardServices
{
    public const string Scheme = "InteropDashboard";
    public const string Policy = "dashboard";
    public const string SignInPath = "/sign-in";

    public static IServiceCollection AddInteropDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        var authentication = services.AddAuthentication().AddCookie(Scheme);
        if (DashboardOidc.IsConfigured(configuration))
        {
            DashboardOidc.Add(authentication);
        }

        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<ApiKeyRegistry, Microsoft.Extensions.Options.IOptions<ApiOptions>>(
            (cookie, keys, api) => DashboardCookie.Configure(cookie, keys, api.Value));
        DashboardKeys.Add(services);

        // The cookie scheme only: a dashboard session never authenticates an API call (no CSRF on the API), nor a key the dashboard.
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(ApiRoles.Read, ApiRoles.Operate));

        services.AddAntiforgery(o =>
        {
            // Antiforgery refuses a Secure-only cookie on a plain-http request (the service behind a TLS proxy sees http):
            // this cookie is only half of the form's token pair, the session cookie is the one kept Secure always.
            o.Cookie.Name = "Interop-Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Dashboard/Pages";
                o.Conventions.AuthorizeFolder("/", Policy);
                o.Conventions.AllowAnonymousToPage("/SignIn");
                o.Conventions.AllowAnonymousToPage("/SignedIn");
            })
            .ConfigureApplicationPartManager(parts =>
            {
                // The pages are compiled into this assembly, which is not the entry assembly under a test host.
                // Its factory gives both the code part and the compiled Razor part.
                var assembly = typeof(DashboardServices).Assembly;
                if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        parts.ApplicationParts.Add(part);
                    }
                }
            });
        return services;
    }

    /// <summary>Adds the security headers to every answer; call before <see cref="InteropApi.UseInteropApi"/>.</summary>
    public static WebApplication UseDashboardSecurityHeaders(this WebApplication app)
    {
        var api = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value;
        var headers = new SecurityHeaders(DashboardOidc.IsConfigured(api) ? api.Jwt!.Authority : null);
        app.Use(headers.AddAsync);
        return app;
    }

    /// <summary>Maps the pages, the stylesheet and the cohort plot.</summary>
    public static IEndpointRouteBuilder MapInteropDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        endpoints.MapGet(DashboardAssets.StylesheetPath, DashboardAssets.Stylesheet).AllowAnonymous();
        endpoints.MapGet(DashboardAssets.PlotPath, DashboardAssets.CohortPlotAsync).RequireAuthorization(new AuthorizeAttribute { Policy = Policy });
        return endpoints;
    }
}
