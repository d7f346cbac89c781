using Interop.Worker.CdsHooks.ClientAuthentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Interop.Worker.Api;

/// <summary>
/// The OpenAPI document's security: the schemes this deployment accepts (the API key always; the identity provider's
/// bearer JWT when <c>Api:Jwt</c> is set; the CDS client JWT when <c>CdsHooks:TrustedClients</c> are set), and on each
/// operation that needs a caller, which schemes it takes and its 401 and 403 answers.
/// </summary>
internal sealed class OpenApiSecurity(IOptions<ApiOptions> api, IOptions<CdsHooksOptions> cdsHooks)
    : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";
    public const string CdsClientScheme = "CdsClientJwt";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "A key configured by its SHA-256 under Api:Keys, with the role read or operate.",
        };
        if (api.Value.Jwt is not null)
        {
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT of the identity provider configured under Api:Jwt; its role claim grants read or operate.",
            };
        }

        if (cdsHooks.Value.TrustedClients.Count > 0)
        {
            document.Components.SecuritySchemes[CdsClientScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "CDS Hooks 2.0 'Trusting CDS Clients': a JWT signed by a CDS client configured under CdsHooks:TrustedClients "
                    + "(ES384, RS384, ES256 or RS256; aud the URL of the CDS Hooks endpoint called; exp at most five minutes ahead; a jti "
                    + "used once). Accepted by the CDS Hooks endpoints (/cds-services, described by their own discovery) only: this API answers it 403.",
            };
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(Requirement(ApiKeyScheme, context.Document));
        if (api.Value.Jwt is not null)
        {
            operation.Security.Add(Requirement(BearerScheme, context.Document));
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse
        {
            Description = "No valid credentials: an X-API-Key header with a configured key, or a valid bearer token (see WWW-Authenticate).",
        });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller's role does not allow this operation." });
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
