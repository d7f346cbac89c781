namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>
/// The <c>jti</c> values of accepted CDS client tokens, per issuer, each kept until its token could no longer be accepted
/// (<c>exp</c> plus the clock skew), so that a token is accepted once. In memory and bounded: when full of live entries it
/// refuses (the caller answers 401) rather than forgetting one. One instance: several service replicas each keep their own.
/// </summary>
internal sealed class JtiReplayCache(TimeProvider time, int capacity = JtiReplayCache.DefaultCapacity)
{
    /// <summary>Room for about 330 tokens a second over the five-minute window.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _expiries = new();
    private readonly Lock _gate = new();

    public enum Outcome
    {
        Remembered,
        Replayed,
        Full,
    }

    /// <summary>Remembers <paramref name="jti"/> of <paramref name="issuer"/> until <paramref name="keepUntil"/>, unless already seen.</summary>
    public Outcome TryRemember(string issuer, string jti, DateTimeOffset keepUntil)
    {
        var key = issuer + '\u001f' + jti;
        lock (_gate)
        {
            ForgetExpired(time.GetUtcNow());
            if (_seen.ContainsKey(key))
            {
                return Outcome.Replayed;
            }

            if (_seen.Count >= capacity)
            {
                return Outcome.Full;
            }

            _seen.Add(key, keepUntil);
            _expiries.Enqueue(key, keepUntil);
            return Outcome.Remembered;
        }
    }

    /// <summary>How many values are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        while (_expiries.TryPeek(out var key, out var until) && until <= now)
        {
            _expiries.Dequeue();
            _seen.Remove(key);
        }
    }
}
