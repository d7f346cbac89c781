namespace Interop.Worker.Dashboard;

/// <summary>
/// Reads the dashboard's OpenID Connect client secret from the file or environment variable that
/// <see cref="DashboardOidcOptions"/> names. Problems name the setting, never the content.
/// </summary>
internal static class DashboardClientSecret
{
    /// <summary>The secret, or null for a public client (none configured). Call after validation.</summary>
    public static string? Read(DashboardOidcOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ClientSecretEnvironmentVariable))
        {
            return Environment.GetEnvironmentVariable(options.ClientSecretEnvironmentVariable)?.Trim();
        }

        return string.IsNullOrWhiteSpace(options.ClientSecretFile) ? null : File.ReadAllText(options.ClientSecretFile).Trim();
    }

    /// <summary>Why the file cannot serve as the secret ("cannot be read", "is empty"), or null when it can.</summary>
    public static string? FileProblem(string path)
    {
        try
        {
            return string.IsNullOrWhiteSpace(File.ReadAllText(path)) ? "is empty" : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot be read ({ex.GetType().Name})";
        }
    }
}
