namespace Interop.Ehr.Rest;

/// <summary>
/// Requests made to one EHR, for the run report and the live-sync benchmark. One instance per configured
/// EHR (a keyed singleton), shared by every <see cref="FhirClient"/> for it. Thread-safe.
/// </summary>
public sealed class FhirRequestCounter
{
    private long _requests;
    private long _attempts;
    private long _lastAnsweredMicroseconds = -1;

    /// <summary>FHIR interactions asked for through <see cref="FhirClient"/> (one per page, read, transaction, capability read).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>HTTP requests that went on the wire to the FHIR server, retries and the re-send after a 401 included.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>
    /// The time on the wire of the latest attempt the server answered (any status): what a latency figure should show, without
    /// the sign-in, retries' waits or reading the body into FHIR objects. Null before the first answer.
    /// </summary>
    public TimeSpan? LastAnsweredIn =>
        Interlocked.Read(ref _lastAnsweredMicroseconds) is >= 0 and var us ? TimeSpan.FromMicroseconds(us) : null;

    internal void RecordAnswer(TimeSpan elapsed) => Interlocked.Exchange(ref _lastAnsweredMicroseconds, (long)elapsed.TotalMicroseconds);

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountAttempt() => Interlocked.Increment(ref _attempts);
}
