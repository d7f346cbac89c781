namespace Interop.Ehr.Auth;

/// <summary>
/// <see cref="EhrAuthMode.Bearer"/>: a token from an environment variable or a file, read when first
/// needed and again after the server refused it (a rotated file is picked up without a restart).
/// </summary>
internal sealed class StaticBearerTokenSource(EhrAuthOptions options, string section) : IAccessTokenSource
{
    private string? _token;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _token) is { } cached)
        {
            return cached;
        }

        var token = options.BearerTokenEnvironmentVariable is { Length: > 0 } variable
            ? SecretReader.FromEnvironment(variable, $"{section}:BearerTokenEnvironmentVariable")
            : await SecretReader.FromFileAsync(options.BearerTokenFile!, $"{section}:BearerTokenFile", cancellationToken);
        Volatile.Write(ref _token, token);
        return token;
    }

    public void Invalidate(string token) => Interlocked.CompareExchange(ref _token, null, token);
}
