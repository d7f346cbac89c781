using Microsoft.Extensions.Options;

namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>
/// CDS Hooks settings (section <c>CdsHooks</c>): the CDS clients (EHRs) trusted to call the service with a signed JWT, as
/// the CDS Hooks 2.0 specification's "Trusting CDS Clients" describes, and the public URL they call it at (the JWT's
/// <c>aud</c>). API keys (<c>Api:Keys</c>) and identity-provider tokens (<c>Api:Jwt</c>) stay accepted beside them.
/// </summary>
internal sealed class CdsHooksOptions
{
    public const string SectionName = "CdsHooks";

    /// <summary>
    /// The service's public base URL as the CDS clients call it (<c>https://cds.hospital.example</c>, or with a path prefix
    /// a reverse proxy strips): a token's <c>aud</c> must be this followed by the endpoint's path
    /// (<c>/cds-services/blinfant-trial-status</c>). Required when a client is trusted: never taken from the request's
    /// Host header, which the caller chooses.
    /// </summary>
    public string? ServiceBaseUrl { get; set; }

    /// <summary>The trusted CDS clients by name (the name appears in logs as the caller); empty by default.</summary>
    public Dictionary<string, CdsTrustedClientOptions> TrustedClients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The audience a token must carry to call <paramref name="path"/> (the request's path, from the app's root).</summary>
    public string AudienceFor(string path) => ServiceBaseUrl!.TrimEnd('/') + "/" + path.Trim('/');

    /// <summary>The option errors, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var baseUrlPath = $"{SectionName}:{nameof(ServiceBaseUrl)}";
        if (ServiceBaseUrl is null)
        {
            if (TrustedClients.Count > 0)
            {
                errors.Add($"{baseUrlPath} is required when {SectionName}:{nameof(TrustedClients)} are configured (the URL the clients call, which their tokens' aud must name)");
            }
        }
        else if (!Uri.TryCreate(ServiceBaseUrl, UriKind.Absolute, out var baseUrl) || !SecureUrls.IsHttpsOrLoopbackHttp(baseUrl)
            || baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
        {
            errors.Add($"{baseUrlPath} must be an absolute https URL (http only on a loopback address) without query or fragment");
        }

        foreach (var (name, client) in TrustedClients)
        {
            errors.AddRange(client.Validate($"{SectionName}:{nameof(TrustedClients)}:{name}"));
        }

        var duplicates = TrustedClients.Where(c => !string.IsNullOrWhiteSpace(c.Value.Issuer))
            .GroupBy(c => c.Value.Issuer!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var duplicate in duplicates)
        {
            errors.Add($"{SectionName}:{nameof(TrustedClients)}: {string.Join(", ", duplicate.Select(c => c.Key))} have the same Issuer");
        }

        return errors;
    }
}

/// <summary>Runs <see cref="CdsHooksOptions.Validate"/> on start.</summary>
internal sealed class CdsHooksOptionsValidator : IValidateOptions<CdsHooksOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
