using Interop.Ehr.Rest;
using Interop.Fhir.Terminology;

namespace Interop.Sync.Pipeline;

/// <summary>
/// The failures a patient is expected to meet (the EHR, its protocol, the site's terminology): that patient's, queued and
/// retried next run. Anything else is a bug and ends the run (ADR 0008).
/// </summary>
internal static class ExpectedFailures
{
    public static bool Is(Exception exception) => exception is FhirEhrException or TerminologyMapException;

    /// <summary>The retry queue's reason for <paramref name="exception"/> met in <paramref name="stage"/>.</summary>
    public static string Reason(Exception exception, Interop.Sync.SyncStage stage) => exception switch
    {
        FhirUnavailableException => "ehr-unavailable",
        FhirServerException { StatusCode: System.Net.HttpStatusCode.PreconditionFailed } when stage == Interop.Sync.SyncStage.Write => "write-conflict",
        FhirServerException => stage == Interop.Sync.SyncStage.Write ? "write-rejected" : "read-rejected",
        FhirProtocolException => "ehr-protocol",
        _ => Interop.Sync.SyncStages.FailureReason(stage),
    };
}
