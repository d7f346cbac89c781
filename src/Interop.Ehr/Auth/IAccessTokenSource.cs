namespace Interop.Ehr.Auth;

/// <summary>Where the bearer token of one EHR comes from.</summary>
internal interface IAccessTokenSource
{
    /// <summary>The current token, or null when the EHR takes requests without one.</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>The server refused <paramref name="token"/> (401): forget it, so the next call gets a fresh one.</summary>
    void Invalidate(string token);
}

/// <summary><see cref="EhrAuthMode.None"/>: no Authorization header.</summary>
internal sealed class NoAccessToken : IAccessTokenSource
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    public void Invalidate(string token)
    {
    }
}
