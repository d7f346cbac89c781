using Interop.Worker.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Interop.Worker.Dashboard;

/// <summary>
/// Sign-in to the dashboard through the identity provider of <c>Api:Jwt</c>, when <c>Api:Dashboard:Oidc</c> is set: the
/// framework's OpenID Connect handler, authorization code with PKCE (response mode query, so that its correlation
/// cookies can be SameSite=Lax), landing in the dashboard's cookie with the API's roles mapped as for a bearer token.
/// No token is kept (SaveTokens false, no userinfo call); a person whose role values grant neither read nor operate
/// gets no session.
/// </summary>
internal static class DashboardOidc
{
    public const string Scheme = "InteropDashboardOidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>Whether both <c>Api:Jwt</c> and <c>Api:Dashboard:Oidc</c> are present (validation names what is missing).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        configuration.GetSection($"{ApiOptions.SectionName}:{nameof(ApiOptions.Jwt)}").Exists()
        && configuration.GetSection($"{ApiOptions.SectionName}:{nameof(ApiOptions.Dashboard)}:{nameof(DashboardOptions.Oidc)}").Exists();

    /// <summary>Whether the options in effect have the provider sign-in.</summary>
    public static bool IsConfigured(ApiOptions api) => api.Jwt is not null && api.Dashboard.Oidc is not null;

    public static void Add(AuthenticationBuilder authentication)
    {
        authentication.AddOpenIdConnect(Scheme, _ => { });
        authentication.Services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IOptions<ApiOptions>, ILoggerFactory>(
            (oidc, api, logs) => Configure(oidc, api.Value.Jwt!, api.Value.Dashboard.Oidc!, logs.CreateLogger(typeof(DashboardOidc).FullName!)));
    }

    /// <summary>
    /// Whether signing out should also go to the provider: configured so, and its metadata has an end_session_endpoint.
    /// A provider that cannot be reached now means a local sign-out only.
    /// </summary>
    public static async Task<bool> CanSignOutAtProviderAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var api = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (!IsConfigured(api) || !api.Dashboard.Oidc!.SignOutAtProvider)
        {
            return false;
        }

        var oidc = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(Scheme);
        try
        {
            var metadata = await oidc.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            return !string.IsNullOrEmpty(metadata.EndSessionEndpoint);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
        {
            var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardOidc).FullName!);
            DashboardLog.ProviderMetadataUnavailable(log, ex.GetType().Name);
            return false;
        }
    }

    private static void Configure(OpenIdConnectOptions oidc, ApiJwtOptions jwt, DashboardOidcOptions settings, ILogger log)
    {
        oidc.Authority = jwt.Authority;
        oidc.RequireHttpsMetadata = ApiJwtRoles.RequiresHttpsMetadata(jwt.Authority);
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = DashboardClientSecret.Read(settings);
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.UsePkce = true;
        oidc.SaveTokens = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.MapInboundClaims = false;
        oidc.DisableTelemetry = true;
        oidc.CallbackPath = settings.CallbackPath;
        oidc.SignedOutCallbackPath = SignedOutCallbackPath;
        oidc.SignInScheme = DashboardServices.Scheme;
        oidc.SignOutScheme = DashboardServices.Scheme;
        oidc.Scope.Clear();
        oidc.Scope.Add(OpenIdConnectScope.OpenId);
        foreach (var scope in settings.Scopes.Where(s => s != OpenIdConnectScope.OpenId))
        {
            oidc.Scope.Add(scope);
        }

        // The provider sends the browser back with a top-level GET (response mode query): Lax cookies come along.
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.TokenValidationParameters.NameClaimType = "sub";
        oidc.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context => OpenSessionAsync(context, jwt, log),
            OnRemoteFailure = context => RefuseAsync(context, log),
            OnRedirectToIdentityProviderForSignOut = context =>
            {
                // No id_token is kept to hint with: the client id tells the provider whose session ends.
                context.ProtocolMessage.ClientId = settings.ClientId;
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Replaces the id_token's principal by the session's: the opaque subject and the mapped roles, nothing else.</summary>
    private static Task OpenSessionAsync(TokenValidatedContext context, ApiJwtOptions jwt, ILogger log)
    {
        var roles = ApiJwtRoles.Of(context.Principal, jwt);
        var subject = context.Principal?.FindFirst("sub")?.Value;
        if (roles.Count == 0 || string.IsNullOrEmpty(subject))
        {
            DashboardLog.ProviderSignInRefusedNoRole(log);
            context.HandleResponse();
            context.Response.Redirect($"{DashboardServices.SignInPath}?refused={SignInRefusal.NoRole}");
            return Task.CompletedTask;
        }

        context.Principal = DashboardSession.ForProviderUser(subject, roles);
        context.Properties ??= new AuthenticationProperties();
        context.Properties.IsPersistent = false;
        DashboardLog.ProviderSignedIn(log, roles[0]);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A failed callback (unknown or replayed state, nonce or signature wrong, code refused, the person cancelled): back
    /// to the sign-in page with a plain message; the log names the failure's type, never its text (it may quote claims).
    /// </summary>
    private static Task RefuseAsync(RemoteFailureContext context, ILogger log)
    {
        DashboardLog.ProviderSignInFailed(log, context.Failure?.GetType().Name ?? "unknown");
        context.HandleResponse();
        context.Response.Redirect($"{DashboardServices.SignInPath}?refused={SignInRefusal.Provider}");
        return Task.CompletedTask;
    }
}

/// <summary>Why the sign-in page is shown again after the identity provider (its <c>refused</c> query value).</summary>
internal static class SignInRefusal
{
    /// <summary>The person's role values grant neither read nor operate.</summary>
    public const string NoRole = "role";

    /// <summary>The provider's answer was not accepted.</summary>
    public const string Provider = "provider";
}
