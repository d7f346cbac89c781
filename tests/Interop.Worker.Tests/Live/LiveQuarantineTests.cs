using System.Text.Json.Nodes;
using Interop.Store;
using Interop.Sync;

namespace Interop.Worker.Tests.Live;

/// <summary>
/// Live mode quarantines as file mode does: a resource in a search page that is not valid FHIR is set aside with its type,
/// id, patient and reason, its patient is withheld, and the rest of the page (and the run) goes on.
/// </summary>
public sealed class LiveQuarantineTests
{
    private const string BrokenId = "p001-obs-bm-1";
    private const string BadDate = "14.01.2019 15:15";

    [Fact]
    public async Task Sync_ObservationWithAnUnparseableDate_QuarantinedAndItsPatientWithheldNotFailed()
    {
        await using var ehr = await LiveEhr.StartAsync();
        ehr.RewriteRead = body => WithEffective(body, BrokenId, BadDate);

        var report = await ehr.SyncAsync();
        ehr.RewriteRead = null;

        Assert.Equal(0, report.PatientsFailed);
        Assert.Equal(ExitCodes.Quarantined, report.ExitCode);
        var entry = Assert.Single(report.Quarantined, q => q.ResourceId == BrokenId);
        Assert.Equal(("GET Observation search", "Observation", "p001"), (entry.Location, entry.ResourceType, entry.PatientId));
        Assert.Contains("Observation.effective", entry.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("14.01", entry.Reason, StringComparison.Ordinal);

        // The patient is withheld (and queued), not failed; every other patient of the sample is written.
        var pending = Assert.Single(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None));
        Assert.Equal(("p001", "quarantined-input"), (pending.PatientId, pending.Reason));
        var outcomes = await ehr.OutcomesAsync();
        Assert.DoesNotContain(outcomes, o => o.Subject?.Reference == "Patient/p001");
        Assert.Contains(outcomes, o => o.Subject?.Reference == "Patient/p002");
        Assert.Equal(report.PatientsEvaluated, report.ProvenancesWritten);
    }

    [Fact]
    public async Task Sync_PatientWithAnUnparseableBirthDate_QuarantinedAndWithheldNotFailed()
    {
        await using var ehr = await LiveEhr.StartAsync();
        ehr.RewriteRead = body => WithField(body, "p002", "birthDate", "31.02.2018");

        var report = await ehr.SyncAsync();
        ehr.RewriteRead = null;

        Assert.Equal(0, report.PatientsFailed);
        var entry = Assert.Single(report.Quarantined, q => q.ResourceType == "Patient");
        Assert.Equal(("GET Patient read", "p002", "p002"), (entry.Location, entry.ResourceId, entry.PatientId));
        Assert.DoesNotContain("31.02", entry.Reason, StringComparison.Ordinal);
        var pending = Assert.Single(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None));
        Assert.Equal(("p002", "quarantined-input"), (pending.PatientId, pending.Reason));
    }

    private static string WithEffective(string body, string id, string value) => WithField(body, id, "effectiveDateTime", value);

    /// <summary>Sets <paramref name="field"/> of resource <paramref name="id"/> wherever it is an entry of a Bundle answer.</summary>
    private static string WithField(string body, string id, string field, string value)
    {
        if (JsonNode.Parse(body) is not JsonObject { } root || root["entry"] is not JsonArray entries)
        {
            return body;
        }

        foreach (var resource in entries.Select(e => e?["resource"]).OfType<JsonObject>().Where(r => (string?)r["id"] == id))
        {
            resource[field] = value;
        }

        return root.ToJsonString();
    }
}
