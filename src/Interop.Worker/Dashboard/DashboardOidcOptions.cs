using System.Text.RegularExpressions;

namespace Interop.Worker.Dashboard;

/// <summary>
/// Signing in to the dashboard through the identity provider of <c>Api:Jwt</c> (<c>Api:Dashboard:Oidc</c>): OpenID Connect,
/// authorization code with PKCE. The dashboard is registered at the provider as a client; its secret (a confidential
/// client) is read from a file or an environment variable named here, never written here. Without a secret it is a
/// public client (PKCE alone), where the provider allows that.
/// </summary>
internal sealed partial class DashboardOidcOptions
{
    public const string DefaultCallbackPath = "/signin-oidc";

    /// <summary>The client id registered at the identity provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The path of a file that holds the client secret.</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>The name of an environment variable that holds the client secret.</summary>
    public string? ClientSecretEnvironmentVariable { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c> (always asked), e.g. the one that puts the role claim in the id_token.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Where the provider sends the browser back (the redirect URI registered there is this service's address + this path).</summary>
    public string CallbackPath { get; set; } = DefaultCallbackPath;

    /// <summary>The provider's name on the sign-in button ("Sign in with ...").</summary>
    public string DisplayName { get; set; } = "the hospital's identity provider";

    /// <summary>Whether signing out also ends the session at the provider, when its metadata has an end_session_endpoint.</summary>
    public bool SignOutAtProvider { get; set; } = true;

    /// <summary>The option errors, each naming the setting under <paramref name="path"/>.</summary>
    public IEnumerable<string> Validate(string path, bool jwtConfigured)
    {
        if (!jwtConfigured)
        {
            yield return $"{path} needs Api:Jwt (its Authority is the identity provider the dashboard signs in with)";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return $"{path}:{nameof(ClientId)} is required";
        }

        var variable = $"{path}:{nameof(ClientSecretEnvironmentVariable)}";
        var file = $"{path}:{nameof(ClientSecretFile)}";
        var variableSet = !string.IsNullOrWhiteSpace(ClientSecretEnvironmentVariable);
        var fileSet = !string.IsNullOrWhiteSpace(ClientSecretFile);
        if (variableSet && fileSet)
        {
            yield return $"Set at most one of {file} and {variable}";
        }
        else if (variableSet)
        {
            if (LooksLikeSecret(ClientSecretEnvironmentVariable!) || !VariableName().IsMatch(ClientSecretEnvironmentVariable!))
            {
                yield return $"{variable} must be the NAME of an environment variable that holds the client secret, not the secret itself (secrets never go in configuration)";
            }
            else if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ClientSecretEnvironmentVariable!)))
            {
                yield return $"{variable}: the environment variable it names is not set or empty";
            }
        }
        else if (fileSet)
        {
            if (LooksLikeSecret(ClientSecretFile!) || ClientSecretFile!.IndexOfAny(['\n', '\r']) >= 0)
            {
                yield return $"{file} must be the PATH of a file that holds the client secret, not the secret itself (secrets never go in configuration)";
            }
            else if (DashboardClientSecret.FileProblem(ClientSecretFile) is { } problem)
            {
                yield return $"{file}: the file it names {problem}";
            }
        }

        if (string.IsNullOrWhiteSpace(CallbackPath) || !CallbackPath.StartsWith('/') || CallbackPath.StartsWith("//", StringComparison.Ordinal)
            || CallbackPath.IndexOfAny(['?', '#', ' ']) >= 0)
        {
            yield return $"{path}:{nameof(CallbackPath)} must be a path of this service starting with '/' (default {DefaultCallbackPath})";
        }

        if (Scopes.Any(string.IsNullOrWhiteSpace) || Scopes.Any(s => s.Contains(' ', StringComparison.Ordinal)))
        {
            yield return $"{path}:{nameof(Scopes)} must be single scope names, none empty";
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            yield return $"{path}:{nameof(DisplayName)} is empty";
        }
    }

    /// <summary>
    /// A value pasted where a name belongs: a PEM block, a JWT shape, a bearer header, or a long run of mixed letters and
    /// digits without the underscores of a variable name (the shape of a generated client secret).
    /// </summary>
    private static bool LooksLikeSecret(string value) =>
        value.Contains("-----BEGIN", StringComparison.Ordinal)
        || value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || JwtShape().IsMatch(value.Trim())
        || (value.Length >= 24 && !value.Contains('_', StringComparison.Ordinal) && !value.Contains('/', StringComparison.Ordinal)
            && value.Any(char.IsAsciiDigit) && value.Any(char.IsAsciiLetterLower) && value.Any(char.IsAsciiLetterUpper));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex VariableName();

    [GeneratedRegex("^[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*$")]
    private static partial Regex JwtShape();
}
