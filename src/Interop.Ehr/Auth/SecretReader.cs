namespace Interop.Ehr.Auth;

/// <summary>Reads a secret from the environment or a file. Errors name the setting, never the content.</summary>
internal static class SecretReader
{
    public static string FromEnvironment(string variable, string setting)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new EhrAuthenticationException($"The environment variable named by {setting} is not set or empty.")
            : value.Trim();
    }

    public static async Task<string> FromFileAsync(string path, string setting, CancellationToken cancellationToken)
    {
        try
        {
            var value = await File.ReadAllTextAsync(path, cancellationToken);
            return string.IsNullOrWhiteSpace(value)
                ? throw new EhrAuthenticationException($"The file named by {setting} is empty.")
                : value.Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EhrAuthenticationException($"The file named by {setting} cannot be read ({ex.GetType().Name}).", ex);
        }
    }
}
