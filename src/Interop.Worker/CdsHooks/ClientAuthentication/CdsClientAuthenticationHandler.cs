using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>
/// Authenticates a trusted CDS client by its <c>Authorization: Bearer</c> JWT (<see cref="CdsClientTokenValidator"/>), the
/// audience being <c>CdsHooks:ServiceBaseUrl</c> followed by the request's path. A refusal is logged by category and
/// answered 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> and that category's words.
/// </summary>
internal sealed class CdsClientAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CdsClientTokenValidator validator,
    IOptions<CdsHooksOptions> cdsHooks) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CdsClient";

    private CdsTokenRejection? _rejection;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.Of(Request.Headers.Authorization) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var audience = cdsHooks.Value.AudienceFor(Request.Path.ToUriComponent());
        var result = await validator.ValidateAsync(token, audience, Context.RequestAborted);
        if (result is { Rejection: { } rejection })
        {
            _rejection = rejection;
            CdsClientLog.TokenRefused(Logger, result.Client?.Name ?? "unknown", rejection);
            return AuthenticateResult.Fail(rejection.Describe());
        }

        var principal = new System.Security.Claims.ClaimsPrincipal(result.Identity!);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, _rejection is { } rejection
            ? $"Bearer error=\"invalid_token\", error_description=\"{rejection.Describe()}\""
            : "Bearer");
        return Task.CompletedTask;
    }
}
