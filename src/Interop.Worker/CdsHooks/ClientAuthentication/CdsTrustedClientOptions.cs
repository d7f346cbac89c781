namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>
/// One trusted CDS client (<c>CdsHooks:TrustedClients:&lt;name&gt;</c>): its issuer and the JWK Set its tokens are
/// verified with, from a URL (refetched when a token names a key it lacks) or a file.
/// </summary>
internal sealed class CdsTrustedClientOptions
{
    /// <summary>The tokens' <c>iss</c>, compared exactly.</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The URL of the client's JWK Set (https; http only on a loopback address). A token's <c>jku</c> header is accepted
    /// only when it is this URL: no other URL is ever fetched.
    /// </summary>
    public string? JwksUrl { get; set; }

    /// <summary>A file holding the client's JWK Set (relative to the working directory); a token with a <c>jku</c> is then refused.</summary>
    public string? JwksFile { get; set; }

    /// <summary>When set, the tokens' <c>tenant</c> must be this value.</summary>
    public string? Tenant { get; set; }

    /// <summary>When set, the tokens' <c>sub</c> (the client's id) must be this value.</summary>
    public string? Subject { get; set; }

    public IEnumerable<string> Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Issuer))
        {
            yield return $"{path}:{nameof(Issuer)} is required (the iss of the client's tokens)";
        }

        if ((JwksUrl is null) == (JwksFile is null))
        {
            yield return $"{path}: set exactly one of {nameof(JwksUrl)} or {nameof(JwksFile)} (where the client's public keys are)";
        }
        else if (JwksUrl is not null
            && (!Uri.TryCreate(JwksUrl, UriKind.Absolute, out var url) || !SecureUrls.IsHttpsOrLoopbackHttp(url)))
        {
            yield return $"{path}:{nameof(JwksUrl)} must be an absolute https URL (http only on a loopback address)";
        }
        else if (JwksFile is not null && JwksFileError(JwksFile) is { } fileError)
        {
            yield return $"{path}:{nameof(JwksFile)} {fileError}";
        }

        foreach (var (name, value) in new[] { (nameof(Tenant), Tenant), (nameof(Subject), Subject) })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                yield return $"{path}:{name} is empty (leave it out to accept any)";
            }
        }
    }

    /// <summary>Why the file cannot serve as a JWK Set with a signing key, or null when it can.</summary>
    private static string? JwksFileError(string file)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            return $"'{file}' does not exist";
        }

        try
        {
            return JwksDocument.SigningKeys(File.ReadAllText(full)).Count == 0 ? $"'{file}' has no signing key with a kid" : null;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return $"'{file}' is not a readable JWK Set";
        }
    }
}
