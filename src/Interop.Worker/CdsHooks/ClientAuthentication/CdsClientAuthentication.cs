using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>Registers the <c>CdsHooks</c> options (validated on start), the trusted clients, the replay cache and the CDS client scheme.</summary>
internal static class CdsClientAuthentication
{
    /// <summary>How long a JWK Set fetch may take.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The largest JWK Set read (a set of a few keys is a few kilobytes).</summary>
    public const int MaxJwksBytes = 256 * 1024;

    public static void Add(IServiceCollection services, IConfiguration configuration, AuthenticationBuilder authentication)
    {
        services.AddOptions<CdsHooksOptions>()
            .Bind(configuration.GetSection(CdsHooksOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CdsTrustedClients>();
        services.AddSingleton(sp => new JtiReplayCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CdsClientTokenValidator>();

        // The client's configured URL only: no redirect is followed elsewhere.
        services.AddHttpClient(CdsClientKeys.HttpClientName, client =>
            {
                client.Timeout = FetchTimeout;
                client.MaxResponseContentBufferSize = MaxJwksBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        authentication.AddScheme<AuthenticationSchemeOptions, CdsClientAuthenticationHandler>(CdsClientAuthenticationHandler.SchemeName, _ => { });
    }

    /// <summary>
    /// Whether the CDS client scheme authenticates <paramref name="context"/>: a bearer token from a trusted issuer anywhere
    /// (on the API its role is refused: 403), or, when no identity provider is configured, any request to CDS Hooks
    /// while clients are trusted (so that a refusal there says <c>WWW-Authenticate: Bearer</c>).
    /// </summary>
    public static bool Handles(HttpContext context, bool identityProviderConfigured)
    {
        var clients = context.RequestServices.GetRequiredService<CdsTrustedClients>();
        return clients.Any && (clients.IsFromTrustedIssuer(context.Request.Headers.Authorization)
            || (!identityProviderConfigured && context.Request.Path.StartsWithSegments(CdsHooksEndpoints.BasePath, StringComparison.Ordinal)));
    }
}
