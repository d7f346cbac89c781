namespace Interop.Ehr.Rest;

/// <summary>
/// Requests made to one EHR, for the run report and the live-sync benchmark. One instance per configured
/// EHR (a keyed singleton), shared by every <see cref="FhirClient"/> for it. Thread-safe.
/// </summary>
public sealed class FhirRequestCounter
{
    private long _requests;
    private long _attempts;

    /// <summary>FHIR interactions asked for through <see cref="FhirClient"/> (one per page, read, transaction, capability read).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>HTTP requests that went on the wire to the FHIR server, retries and the re-send after a 401 included.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountAttempt() => Interlocked.Increment(ref _attempts);
}
