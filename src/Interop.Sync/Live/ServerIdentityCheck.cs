using Interop.Ehr.Rest;
using Interop.Fhir.Mapping;
using Interop.Store;
using Microsoft.Extensions.Logging;

namespace Interop.Sync.Live;

/// <summary>
/// The ledger follows the server (issue 14): each writing run records which server the EHR name reached (base URL and
/// <c>implementation.url</c>). When that is another server than last time (a changed <c>BaseUrl</c>, an EHR restored or a
/// test environment refreshed behind the same URL, where the server says so), the run is told by a warning and the store
/// forgets the old server's watermark and drift position, so the run reads every candidate and compares every outcome
/// with this server: outcomes it lacks are written again (reported as restored), outcomes it holds are adopted.
/// </summary>
internal static class ServerIdentityCheck
{
    /// <summary>The warning rule of a run whose EHR name reached another server than its last run.</summary>
    public const string Rule = "ehr-server-changed";

    public static async Task<WarningEntry?> RecordAsync(StateStore store, LiveSyncRequest request, ILogger logger, CancellationToken cancellationToken)
    {
        var baseUrl = EhrBaseUrl.Display(EhrBaseUrl.WithoutTrailingSlash(request.Client.BaseUrl)!);
        var change = await store.RecordServerIdentityAsync(request.EhrName, new EhrServerIdentity(baseUrl, request.ImplementationUrl), cancellationToken);
        if (change is null)
        {
            return null;
        }

        var described = Describe(change);
        LiveSyncLog.ServerChanged(logger, request.EhrName, described);
        return new WarningEntry(
            baseUrl,
            "CapabilityStatement",
            null,
            null,
            Rule,
            $"EHR '{request.EhrName}' reached another server than on its last run ({described}): its watermark and drift scan were reset, "
            + "every candidate was read and every outcome compared with this server; outcomes it lacked were written again (serverDrift 'restored'). "
            + $"If this is not the same EHR, give it its own Ehrs:<name>.");
    }

    private static string Describe(ServerIdentityChange change) =>
        !string.Equals(change.Previous.BaseUrl, change.Current.BaseUrl, StringComparison.Ordinal)
            ? $"base URL {change.Previous.BaseUrl} -> {change.Current.BaseUrl}"
            : $"implementation.url {change.Previous.ImplementationUrl} -> {change.Current.ImplementationUrl}";
}
