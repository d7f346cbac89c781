using Hl7.Fhir.Model;
using Interop.Fhir.Terminology;
using Interop.Store;
using Interop.Testing;
using Interop.Sync.Live;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Tests.Live;

/// <summary>
/// Drift detection and repair (issue 10 item 2, ADR 0007) against the real local FHIR server: outcomes deleted, edited or
/// duplicated on the server by someone else between runs.
/// </summary>
public sealed class ServerDriftTests
{
    private const string Eligibility = "blinfant/eligibility/p002";
    private const string Mrd = "blinfant/mrd-after-blinatumomab/p001";

    [Fact]
    public async Task OutcomeDeletedOnServer_NextSync_RestoresItOnceAndReportsIt()
    {
        await using var ehr = await LiveEhr.StartAsync();
        await ehr.SyncAsync();
        var deleted = await OutcomeAsync(ehr, Eligibility);
        var provenances = await ehr.CountAsync("Provenance");
        await ehr.PostAsync(Transaction(new Bundle.EntryComponent { Request = new() { Method = Bundle.HTTPVerb.DELETE, Url = "Observation/" + deleted.Id } }));

        var report = await ehr.SyncAsync();

        Assert.Equal(0, report.PatientsFailed);
        var drift = Assert.Single(report.ServerDrift);
        Assert.Equal((DriftKinds.Deleted, DriftKinds.Restored, "p002", "eligibility"), (drift.Kind, drift.Action, drift.PatientId, drift.OutcomeCode));
        Assert.Equal(["Observation/" + deleted.Id], drift.ResourceIds);
        var restored = await OutcomeAsync(ehr, Eligibility);
        Assert.NotEqual(deleted.Id, restored.Id);
        Assert.Equal(Interop.Fhir.Outcomes.OutcomeContentHash.Of(deleted), Interop.Fhir.Outcomes.OutcomeContentHash.Of(restored));
        Assert.Equal(provenances + 1, await ehr.CountAsync("Provenance"));
        var entry = Assert.Single(await ehr.Store.GetLedgerAsync(LiveEhr.EhrName, "p002", CancellationToken.None), e => e.OutcomeIdentifier == Eligibility);
        Assert.Equal((restored.Id, restored.Meta!.VersionId), (entry.ServerResourceId, entry.ServerVersionId));

        var rerun = await ehr.SyncAsync();

        Assert.Equal(0, rerun.OutcomesWritten);
        Assert.Empty(rerun.ServerDrift);
        Assert.Equal(provenances + 1, await ehr.CountAsync("Provenance"));
    }

    [Fact]
    public async Task OutcomeEditedOutside_NextSync_KeepsTheEhrVersionAndReportsItOnce()
    {
        await using var ehr = await LiveEhr.StartAsync();
        await ehr.SyncAsync();
        var edited = await EditOutsideAsync(ehr, Eligibility);

        var report = await ehr.SyncAsync();

        Assert.Equal(0, report.OutcomesWritten);
        var drift = Assert.Single(report.ServerDrift);
        Assert.Equal((DriftKinds.EditedOutside, DriftKinds.KeptEhrVersion, "p002"), (drift.Kind, drift.Action, drift.PatientId));
        Assert.Equal(["Observation/" + edited.Id], drift.ResourceIds);
        var onServer = await OutcomeAsync(ehr, Eligibility);
        Assert.Equal(edited.Meta!.VersionId, onServer.Meta!.VersionId);
        Assert.Equal("checked by hand", onServer.Note.Single().Text);
        var entry = Assert.Single(await ehr.Store.ListEditedOutsideAsync(LiveEhr.EhrName, CancellationToken.None)).Entry;
        Assert.Equal((Eligibility, edited.Meta.VersionId), (entry.OutcomeIdentifier, entry.ServerVersionId));

        var rerun = await ehr.SyncAsync();

        Assert.Equal(0, rerun.OutcomesWritten);
        Assert.Empty(rerun.ServerDrift);
        Assert.Equal(edited.Meta.VersionId, (await OutcomeAsync(ehr, Eligibility)).Meta!.VersionId);
    }

    [Fact]
    public async Task OutcomeEditedOutside_DerivationThenChanges_ReassertsOverTheVersionSeen()
    {
        await using var ehr = await LiveEhr.StartAsync();
        await ehr.SyncAsync();
        var edited = await EditOutsideAsync(ehr, Mrd);
        await ehr.SyncAsync();
        await ChangeLastMrdAsync(ehr);

        var report = await ehr.SyncAsync();

        Assert.Equal(0, report.PatientsFailed);
        var drift = Assert.Single(report.ServerDrift);
        Assert.Equal((DriftKinds.EditedOutside, DriftKinds.Reasserted, "p001", "mrd-after-blinatumomab"), (drift.Kind, drift.Action, drift.PatientId, drift.OutcomeCode));
        Assert.Equal(["Observation/" + edited.Id], drift.ResourceIds);
        var written = await OutcomeAsync(ehr, Mrd);
        Assert.Equal(int.Parse(edited.Meta!.VersionId!, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(written.Meta!.VersionId!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ObservationStatus.Amended, written.Status);
        Assert.Empty(written.Note);
        Assert.Empty(await ehr.Store.ListEditedOutsideAsync(LiveEhr.EhrName, CancellationToken.None));
    }

    [Fact]
    public async Task IdentifierDuplicatedOnServer_Runs_QueueThenParkWithTheResourceIdsThenResumeOnceFixed()
    {
        await using var ehr = await LiveEhr.StartAsync();
        ehr.WriteBack.DuplicateMaxAttempts = 2;
        await ehr.SyncAsync();
        var original = await OutcomeAsync(ehr, Eligibility);
        var copy = (Observation)original.DeepCopy();
        copy.Id = null;
        copy.Meta = null;
        var created = await ehr.PostAsync(Transaction(new Bundle.EntryComponent { Resource = copy, Request = new() { Method = Bundle.HTTPVerb.POST, Url = "Observation" } }));
        var duplicateId = created.Entry[0].Resource!.Id;
        var both = string.Join(' ', new[] { "Observation/" + original.Id, "Observation/" + duplicateId }.Order(StringComparer.Ordinal));

        var first = await ehr.SyncAsync();
        var second = await ehr.SyncAsync();
        var third = await ehr.SyncAsync();

        Assert.Equal((DriftKinds.Duplicate, DriftKinds.Queued, both), Single(first));
        Assert.Equal(1, first.PatientsFailed);
        Assert.Equal((DriftKinds.Duplicate, DriftKinds.Parked, both), Single(second));
        Assert.Equal((0, 1), (second.PatientsFailed, second.PatientsParked));
        Assert.Equal((DriftKinds.Duplicate, DriftKinds.Parked, both), Single(third));
        Assert.Equal((0, 1, 3), (third.PatientsFailed, third.PatientsParked, third.ExitCode));
        var pending = Assert.Single(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None));
        Assert.Equal(("p002", DuplicateParking.Reason, 2), (pending.PatientId, pending.Reason, pending.Attempts));
        Assert.NotNull(pending.ParkedAt);
        var conflict = Assert.Single(await ehr.Store.ListOutcomeConflictsAsync(LiveEhr.EhrName, CancellationToken.None));
        Assert.Equal((Eligibility, both), (conflict.OutcomeIdentifier, string.Join(' ', conflict.ResourceIds)));

        // Fixed by hand: the copy is deleted. The next run takes the patient up again.
        await ehr.PostAsync(Transaction(new Bundle.EntryComponent { Request = new() { Method = Bundle.HTTPVerb.DELETE, Url = "Observation/" + duplicateId } }));
        var fixedRun = await ehr.SyncAsync();

        Assert.Equal((0, 0, 0), (fixedRun.PatientsFailed, fixedRun.PatientsParked, fixedRun.ExitCode));
        Assert.Empty(fixedRun.ServerDrift);
        Assert.Empty(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None));
        Assert.Empty(await ehr.Store.ListOutcomeConflictsAsync(LiveEhr.EhrName, CancellationToken.None));
        Assert.Equal(original.Meta!.VersionId, (await OutcomeAsync(ehr, Eligibility)).Meta!.VersionId);
    }

    [Fact]
    public async Task TransactionsCommittedButAnswersDropped_Sync_ReconcilesWithoutExtraVersionsOrProvenances()
    {
        await using var ehr = await LiveEhr.StartAsync();
        ehr.DropAfterCommit = n => n % 2 == 1;

        var report = await ehr.SyncAsync();

        Assert.Equal(0, report.PatientsFailed);
        Assert.Empty(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None));
        Assert.True(ehr.TransactionsPosted >= report.PatientsEvaluated, $"{ehr.TransactionsPosted} transactions for {report.PatientsEvaluated} patients");
        var outcomes = await ehr.OutcomesAsync();
        Assert.Equal(outcomes.Count, outcomes.Select(o => o.Identifier[0].Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(outcomes, o => Assert.Equal("1", o.Meta!.VersionId));
        Assert.Equal(report.PatientsEvaluated, await ehr.CountAsync("Provenance"));
        foreach (var outcome in outcomes)
        {
            var patient = outcome.Subject!.Reference!["Patient/".Length..];
            var entry = Assert.Single(await ehr.Store.GetLedgerAsync(LiveEhr.EhrName, patient, CancellationToken.None), e => e.OutcomeIdentifier == outcome.Identifier[0].Value);
            Assert.Equal((outcome.Id, "1"), (entry.ServerResourceId, entry.ServerVersionId));
        }

        ehr.DropAfterCommit = null;
        var rerun = await ehr.SyncAsync();
        Assert.Equal(0, rerun.OutcomesWritten);
        Assert.Equal(report.PatientsEvaluated, await ehr.CountAsync("Provenance"));
    }

    private static (string Kind, string Action, string ResourceIds) Single(Interop.Sync.RunReport report)
    {
        var drift = Assert.Single(report.ServerDrift);
        Assert.Equal(("p002", "eligibility"), (drift.PatientId, drift.OutcomeCode));
        return (drift.Kind, drift.Action, string.Join(' ', drift.ResourceIds));
    }

    private static async Task<Observation> OutcomeAsync(LiveEhr ehr, string identifier) =>
        Assert.Single(await ehr.OutcomesAsync(), o => o.Identifier[0].Value == identifier);

    /// <summary>A second client adds a note to the outcome (by id, without If-Match): an outside edit.</summary>
    private static async Task<Observation> EditOutsideAsync(LiveEhr ehr, string identifier)
    {
        var outcome = await OutcomeAsync(ehr, identifier);
        outcome.Note = [new Annotation { Text = "checked by hand" }];
        var response = await ehr.PostAsync(Transaction(new Bundle.EntryComponent { Resource = outcome, Request = new() { Method = Bundle.HTTPVerb.PUT, Url = "Observation/" + outcome.Id } }));
        return (Observation)response.Entry[0].Resource!;
    }

    /// <summary>p001's last MRD (coded negative in the sample) becomes 0.001: its MRD outcome's derivation changes.</summary>
    private static async Task ChangeLastMrdAsync(LiveEhr ehr)
    {
        var map = TerminologyMap.Load([RepositoryPaths.SampleSiteMap]);
        var p001 = await ehr.GetAsync<Bundle>("Observation?subject=Patient/p001&_count=1000");
        var mrd = p001.Entry.Select(e => e.Resource).OfType<Observation>()
            .Where(o => map.Resolve(o.Code) is InputConcept.Mrd or InputConcept.MrdPcr or InputConcept.MrdFlow)
            .OrderBy(o => o.Effective is FhirDateTime d ? d.Value : string.Empty, StringComparer.Ordinal)
            .Last();
        mrd.Value = new Quantity { Value = 0.001m, Unit = "1", System = "http://unitsofmeasure.org", Code = "1" };
        await ehr.PostAsync(Transaction(new Bundle.EntryComponent { Resource = mrd, Request = new() { Method = Bundle.HTTPVerb.PUT, Url = "Observation/" + mrd.Id } }));
    }

    private static Bundle Transaction(Bundle.EntryComponent entry) => new() { Type = Bundle.BundleType.Transaction, Entry = [entry] };
}
