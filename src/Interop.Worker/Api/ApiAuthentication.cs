using System.Security.Claims;
using Interop.Worker.CdsHooks.ClientAuthentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Api;

/// <summary>
/// API keys, (when <c>Api:Jwt</c> is configured) JWT bearer tokens and trusted CDS clients' JWTs (<c>CdsHooks</c>) behind
/// one policy scheme that picks by the request's headers; the policies <c>read</c>, <c>operate</c> and <c>cds-hooks</c>;
/// and a fallback policy requiring an authenticated caller, so an endpoint is anonymous only when marked <c>AllowAnonymous</c>.
/// </summary>
internal static class ApiAuthentication
{
    public const string SchemeName = "Interop";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ApiKeyRegistry>();
        var jwtConfigured = configuration.GetSection($"{ApiOptions.SectionName}:{nameof(ApiOptions.Jwt)}").Exists();
        var authentication = services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "API key, JWT bearer or CDS client JWT", o => o.ForwardDefaultSelector = context =>
                SelectScheme(context, jwtConfigured))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });
        CdsClientAuthentication.Add(services, configuration, authentication);

        if (jwtConfigured)
        {
            authentication.AddJwtBearer();
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<IOptions<ApiOptions>>((bearer, api) => ConfigureJwt(bearer, api.Value.Jwt!));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.Read, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Read, ApiRoles.Operate))
            .AddPolicy(ApiRoles.Operate, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Operate))
            .AddPolicy(ApiRoles.CdsHooksPolicy, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Read, ApiRoles.Operate, ApiRoles.CdsClient))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>
    /// An <c>X-API-Key</c> header: the key. Else a bearer JWT of a trusted CDS client's issuer (<c>CdsHooks:TrustedClients</c>):
    /// the CDS client scheme. Else the identity provider's JWT bearer when configured, or the key scheme (which refuses).
    /// </summary>
    private static string SelectScheme(HttpContext context, bool jwtConfigured)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        if (CdsClientAuthentication.Handles(context, jwtConfigured))
        {
            return CdsClientAuthenticationHandler.SchemeName;
        }

        return jwtConfigured ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
    }

    private static void ConfigureJwt(JwtBearerOptions bearer, ApiJwtOptions jwt)
    {
        bearer.Authority = jwt.Authority;
        bearer.Audience = jwt.Audience;
        bearer.RequireHttpsMetadata = ApiJwtRoles.RequiresHttpsMetadata(jwt.Authority);

        // The role claim keeps its name as issued (no mapping to Microsoft's long claim types).
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters.NameClaimType = "sub";
        bearer.Events = new JwtBearerEvents { OnTokenValidated = context => AddRoles(context, jwt) };
    }

    /// <summary>Adds an identity with the API's roles for the token's role values that grant them.</summary>
    private static Task AddRoles(TokenValidatedContext context, ApiJwtOptions jwt)
    {
        var roles = ApiJwtRoles.Of(context.Principal, jwt).Select(role => new Claim(ClaimTypes.Role, role));
        context.Principal?.AddIdentity(new ClaimsIdentity(roles, "InteropRoles", ClaimTypes.Name, ClaimTypes.Role));
        return Task.CompletedTask;
    }
}
