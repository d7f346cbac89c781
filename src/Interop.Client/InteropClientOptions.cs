namespace Interop.Client;

/// <summary>Where the Interop API is and how to authenticate to it: an API key or a bearer token provider, not both.</summary>
public sealed class InteropClientOptions
{
    /// <summary>The service's base address, e.g. <c>https://interop.hospital.example/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>An API key, sent as the <c>X-API-Key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets an OAuth access token (e.g. from the hospital's identity provider), sent as <c>Authorization: Bearer</c>; called per request, so cache in it.</summary>
    public Func<CancellationToken, ValueTask<string>>? BearerTokenProvider { get; set; }

    /// <summary>The option errors, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BaseAddress is null)
        {
            errors.Add($"{nameof(InteropClientOptions)}.{nameof(BaseAddress)} is required");
        }
        else if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{nameof(InteropClientOptions)}.{nameof(BaseAddress)} must be an absolute http or https URL");
        }

        if (ApiKey is not null && string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add($"{nameof(InteropClientOptions)}.{nameof(ApiKey)} is empty");
        }

        if ((ApiKey is null) == (BearerTokenProvider is null))
        {
            errors.Add($"{nameof(InteropClientOptions)}: set exactly one of {nameof(ApiKey)} and {nameof(BearerTokenProvider)}");
        }

        return errors;
    }
}
