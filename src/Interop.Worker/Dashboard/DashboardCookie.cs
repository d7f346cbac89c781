using System.Security.Claims;
using Interop.Worker.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Interop.Worker.Dashboard;

/// <summary>
/// The session cookie: encrypted by data protection, HTTP-only, <c>Secure</c> always (browsers keep it over https, and
/// over http only on this machine), SameSite=Strict, host-only (<c>__Host-</c>); sliding for
/// <see cref="DashboardOptions.SessionLifetime"/>; and void as soon as its key is removed from <c>Api:Keys</c> or changes role
/// (a session opened through the identity provider: as soon as that sign-in is no longer configured; a role changed at
/// the provider takes effect at the next sign-in, at most one session lifetime later).
/// </summary>
internal static class DashboardCookie
{
    public const string Name = "__Host-Interop-Dashboard";

    public static void Configure(CookieAuthenticationOptions cookie, ApiKeyRegistry keys, ApiOptions api)
    {
        var options = api.Dashboard;
        var providerSignIn = DashboardOidc.IsConfigured(api);
        cookie.Cookie.Name = Name;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.Path = "/";
        cookie.ExpireTimeSpan = options.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = DashboardServices.SignInPath;
        cookie.LogoutPath = "/sign-out";
        cookie.AccessDeniedPath = DashboardServices.SignInPath;
        cookie.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = async context =>
            {
                var user = context.Principal;
                var current = DashboardSession.IsProviderSession(user)
                    ? providerSignIn
                    : keys.IsCurrent(user?.Identity?.Name, user?.FindFirst(ClaimTypes.Role)?.Value);
                if (!current)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(DashboardServices.Scheme);
                }
            },
        };
    }
}
