using System.Text.RegularExpressions;
using Interop.Ehr.Auth;
using Interop.Ehr.Bulk;

namespace Interop.Ehr.DependencyInjection;

/// <summary>
/// The checks behind <see cref="EhrConnectionOptions.Validate"/>. Messages name settings, never values:
/// a misplaced value may be the secret itself.
/// </summary>
internal static partial class EhrConnectionOptionsValidation
{
    public static IReadOnlyList<string> Validate(EhrConnectionOptions options, string section)
    {
        var errors = new List<string>();
        ValidateBaseUrl(options, section, errors);
        ValidateAuth(options, section + ":Auth", errors);
        ValidateResilience(options.Resilience, section + ":Resilience", errors);
        if (!Enum.IsDefined(options.Read))
        {
            errors.Add($"{section}:Read must be Rest or Bulk");
        }

        BulkExportOptionsValidation.Validate(options.Bulk, section + ":Bulk", errors);
        return errors;
    }

    private static void ValidateBaseUrl(EhrConnectionOptions options, string section, List<string> errors)
    {
        var url = options.BaseUrl;
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{section}:BaseUrl must be an absolute http(s) URL (the FHIR base)");
            return;
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add($"{section}:BaseUrl must have no query, fragment or user info");
        }

        if (!options.IsAllowedTransport(url))
        {
            errors.Add($"{section}:BaseUrl uses plain http to a host that is not loopback; use https (or set {section}:AllowInsecureHttp on a closed test network)");
        }

        if (options.Auth.Mode == EhrAuthMode.None && !url.IsLoopback)
        {
            errors.Add($"{section}:Auth:Mode None is allowed only for a loopback BaseUrl; configure Bearer or SmartBackendServices");
        }
    }

    private static void ValidateAuth(EhrConnectionOptions options, string section, List<string> errors)
    {
        var auth = options.Auth;
        switch (auth.Mode)
        {
            case EhrAuthMode.None:
                break;
            case EhrAuthMode.Bearer:
                ExactlyOne(auth.BearerTokenEnvironmentVariable, auth.BearerTokenFile, $"{section}:BearerTokenEnvironmentVariable", $"{section}:BearerTokenFile", errors);
                CheckVariableName(auth.BearerTokenEnvironmentVariable, $"{section}:BearerTokenEnvironmentVariable", "token", errors);
                CheckFilePath(auth.BearerTokenFile, $"{section}:BearerTokenFile", "token", errors);
                break;
            case EhrAuthMode.SmartBackendServices:
                ValidateSmart(options, section, errors);
                break;
            default:
                errors.Add($"{section}:Mode must be None, Bearer or SmartBackendServices");
                break;
        }
    }

    private static void ValidateSmart(EhrConnectionOptions options, string section, List<string> errors)
    {
        var auth = options.Auth;
        if (string.IsNullOrWhiteSpace(auth.ClientId))
        {
            errors.Add($"{section}:ClientId must be set (the client id registered with the EHR)");
        }

        if (string.IsNullOrWhiteSpace(auth.KeyId))
        {
            errors.Add($"{section}:KeyId must be set (the kid of the registered public key)");
        }

        ExactlyOne(auth.PrivateKeyFile, auth.PrivateKeyEnvironmentVariable, $"{section}:PrivateKeyFile", $"{section}:PrivateKeyEnvironmentVariable", errors);
        CheckVariableName(auth.PrivateKeyEnvironmentVariable, $"{section}:PrivateKeyEnvironmentVariable", "private key", errors);
        CheckFilePath(auth.PrivateKeyFile, $"{section}:PrivateKeyFile", "private key", errors);

        if (auth.Algorithm is not ("RS384" or "ES384"))
        {
            errors.Add($"{section}:Algorithm must be RS384 or ES384");
        }

        if (string.IsNullOrWhiteSpace(auth.Scopes))
        {
            errors.Add($"{section}:Scopes must name at least one scope");
        }

        if (auth.TokenEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || !options.IsAllowedTransport(endpoint)))
        {
            errors.Add($"{section}:TokenEndpoint must be an absolute https URL (http only to loopback or with AllowInsecureHttp)");
        }
    }

    private static void ValidateResilience(EhrResilienceOptions resilience, string section, List<string> errors)
    {
        if (resilience.AttemptTimeout < TimeSpan.FromMilliseconds(10) || resilience.AttemptTimeout > TimeSpan.FromHours(1))
        {
            errors.Add($"{section}:AttemptTimeout must be between 10 ms and 1 h");
        }

        if (resilience.TotalTimeout < resilience.AttemptTimeout)
        {
            errors.Add($"{section}:TotalTimeout must be at least AttemptTimeout");
        }

        if (resilience.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{section}:MaxRetries must be 0-10");
        }

        if (resilience.RetryBaseDelay < TimeSpan.Zero || resilience.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{section}:RetryBaseDelay must be between 0 and 1 min");
        }
    }

    private static void ExactlyOne(string? first, string? second, string firstName, string secondName, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(first) == string.IsNullOrWhiteSpace(second))
        {
            errors.Add($"Set exactly one of {firstName} and {secondName}");
        }
    }

    private static void CheckVariableName(string? value, string setting, string secret, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (LooksLikeSecret(value) || !VariableName().IsMatch(value))
        {
            errors.Add($"{setting} must be the NAME of an environment variable that holds the {secret}, not the {secret} itself (secrets never go in configuration)");
        }
    }

    private static void CheckFilePath(string? value, string setting, string secret, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (LooksLikeSecret(value) || value.IndexOfAny(['\n', '\r']) >= 0)
        {
            errors.Add($"{setting} must be the PATH of a file that holds the {secret}, not the {secret} itself (secrets never go in configuration)");
        }
    }

    /// <summary>A PEM block, or a JWT-shaped value (three base64url segments): a secret pasted where a name belongs.</summary>
    private static bool LooksLikeSecret(string value) =>
        value.Contains("-----BEGIN", StringComparison.Ordinal)
        || value.Contains("PRIVATE KEY", StringComparison.OrdinalIgnoreCase)
        || JwtShape().IsMatch(value.Trim())
        || value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex VariableName();

    [GeneratedRegex("^[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*$")]
    private static partial Regex JwtShape();
}
