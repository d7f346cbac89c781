namespace Interop.Testing.Faults;

/// <summary>A fault a <see cref="FaultProxy"/> injects into one request.</summary>
public enum FaultKind
{
    /// <summary>Forwarded and answered normally.</summary>
    None,

    /// <summary>429 Too Many Requests with Retry-After, not forwarded.</summary>
    TooManyRequests,

    /// <summary>503 Service Unavailable (with Retry-After every other time), not forwarded.</summary>
    Unavailable,

    /// <summary>The connection is reset before anything is forwarded.</summary>
    Reset,

    /// <summary>Forwarded, answered after <see cref="FaultPlan.SlowDelay"/>.</summary>
    Slow,

    /// <summary>A transaction forwarded and committed upstream, then the connection dropped before the client sees the answer.</summary>
    CommitThenDrop,
}

/// <summary>
/// What a <see cref="FaultProxy"/> does, per request, drawn from a seeded random sequence: each probability is the share of
/// requests (of transactions, for <see cref="CommitThenDrop"/>) that get that fault.
/// </summary>
public sealed record FaultPlan
{
    /// <summary>No faults: a plain loopback proxy.</summary>
    public static FaultPlan None { get; } = new();

    /// <summary>Share of transactions committed upstream whose answer is then dropped.</summary>
    public double CommitThenDrop { get; init; }

    /// <summary>Share of requests answered 429 with Retry-After.</summary>
    public double TooManyRequests { get; init; }

    /// <summary>Share of requests answered 503.</summary>
    public double Unavailable { get; init; }

    /// <summary>Share of requests whose connection is reset before forwarding.</summary>
    public double Reset { get; init; }

    /// <summary>Share of requests answered late.</summary>
    public double Slow { get; init; }

    /// <summary>How late a slow answer is.</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The Retry-After of a 429 or 503, in seconds.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>The seed of the random sequence.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>The fault for the next request (<paramref name="isTransaction"/>: a POST of a Bundle to the base).</summary>
    public FaultKind Pick(Random random, bool isTransaction)
    {
        ArgumentNullException.ThrowIfNull(random);
        var roll = random.NextDouble();
        foreach (var (kind, share) in new[] { (FaultKind.TooManyRequests, TooManyRequests), (FaultKind.Unavailable, Unavailable), (FaultKind.Reset, Reset), (FaultKind.Slow, Slow) })
        {
            if (roll < share)
            {
                return kind;
            }

            roll -= share;
        }

        return isTransaction && random.NextDouble() < CommitThenDrop ? FaultKind.CommitThenDrop : FaultKind.None;
    }

    /// <summary>Short description for a benchmark line.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, double share)
        {
            if (share > 0)
            {
                parts.Add(FormattableString.Invariant($"{name} {share:P0}"));
            }
        }

        Add("commit-then-drop (of transactions)", CommitThenDrop);
        Add("429", TooManyRequests);
        Add("503", Unavailable);
        Add("reset", Reset);
        Add(FormattableString.Invariant($"slow {SlowDelay.TotalMilliseconds:0} ms"), Slow);
        return parts.Count == 0 ? "no faults" : string.Join(", ", parts);
    }
}
