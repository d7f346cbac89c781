namespace Interop.Ehr.DependencyInjection;

/// <summary>Timeouts and retries for one EHR (<c>Ehrs:&lt;name&gt;:Resilience</c>); see <see cref="EhrResiliencePolicy"/>.</summary>
public sealed class EhrResilienceOptions
{
    /// <summary>One attempt's limit (default 30 s): a search page of a busy server can be slow.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole request's limit, retries and their delays included (default 120 s).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt (default 4).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay when the server gives no Retry-After; exponential with jitter after it (default 2 s).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
}
