using Hl7.Fhir.Model;
using Interop.Store;
using Interop.Sync.Live;
using static Interop.Worker.Tests.WriteBack.ServerOutcomes;

namespace Interop.Worker.Tests.WriteBack;

/// <summary>What one patient's write sends: If-Match on the version replaced, the Provenance key's bases, drift actions.</summary>
public sealed class WritePlanTests
{
    [Fact]
    public void Create_ChangedOutcome_IsAmendedWithIfMatchOnTheLedgersVersion()
    {
        var plan = WritePlan.Create("p1", [Derived("eligibility", "ineligible")], [Ledger("eligibility", "eligible", "o1", "3")], null, dryRun: false);

        var write = Assert.Single(plan.Writes);
        Assert.Equal((OutcomeStatus.Amended, "3", "o1/3"), (write.Status, write.IfMatch, write.Base));
        Assert.False(plan.NeedsServerState);
    }

    [Fact]
    public void Create_NewOutcome_IsFinalWithoutIfMatch()
    {
        var plan = WritePlan.Create("p1", [Derived("eligibility", "eligible")], [], null, dryRun: false);

        var write = Assert.Single(plan.Writes);
        Assert.Equal((OutcomeStatus.Final, null, "new"), (write.Status, write.IfMatch, write.Base));
    }

    [Fact]
    public void Create_UnchangedOutcome_WritesNothing()
    {
        var plan = WritePlan.Create("p1", [Derived("eligibility", "eligible")], [Ledger("eligibility", "eligible", "o1", "1")], null, dryRun: false);

        Assert.Empty(plan.Writes);
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public void Create_ChangedOutcomeWhoseVersionTheLedgerLacks_AsksForTheServerState()
    {
        var plan = WritePlan.Create("p1", [Derived("eligibility", "ineligible")], [Ledger("eligibility", "eligible", "o1", null)], null, dryRun: false);

        Assert.True(plan.NeedsServerState);
    }

    [Fact]
    public void Create_RetractionBeforeAReconcile_AsksForTheServerState()
    {
        var plan = WritePlan.Create("p1", [], [Ledger("mrd-after-blinatumomab", "negative", "o1", "1")], null, dryRun: false);

        Assert.True(plan.NeedsServerState);
        Assert.Empty(plan.Writes);
    }

    [Fact]
    public void Create_RetractionAfterAReconcile_RewritesTheServersResourceEnteredInErrorWithIfMatch()
    {
        var ledger = Ledger("mrd-after-blinatumomab", "negative", "o1", "2");
        var server = Reconcile([ledger], Observation("mrd-after-blinatumomab", "negative", "o1", "2"));

        var plan = WritePlan.Create("p1", [], server.View, server, dryRun: false);

        var write = Assert.Single(plan.Writes);
        Assert.Equal((OutcomeStatus.EnteredInError, "2", "o1"), (write.Status, write.IfMatch, write.Resource!.Id));
    }

    [Fact]
    public void Create_RetractionOfAnOutcomeSomeoneRetractedFirst_WritesNothingAndForgetsIt()
    {
        var ledger = Ledger("mrd-after-blinatumomab", "negative", "o1", "2");
        var server = Reconcile([ledger], Observation("mrd-after-blinatumomab", "negative", "o1", "3", ObservationStatus.EnteredInError));

        var plan = WritePlan.Create("p1", [], server.View, server, dryRun: false);

        Assert.Empty(plan.Writes);
        Assert.Equal(OutcomeStatus.EnteredInError, Assert.Single(plan.Gone).Status);
        Assert.Equal(DriftKinds.KeptEhrVersion, Assert.Single(plan.Drift).Action);
    }

    [Fact]
    public void Create_DeletedOutcomeStillDerived_IsRestoredOnTheDeletedVersionsBase()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "2");
        var server = Reconcile([ledger]);

        var plan = WritePlan.Create("p1", [Derived("eligibility", "eligible")], server.View, server, dryRun: false);

        var write = Assert.Single(plan.Writes);
        Assert.Equal((OutcomeStatus.Final, null, "deleted:o1/2"), (write.Status, write.IfMatch, write.Base));
        var drift = Assert.Single(plan.Drift);
        Assert.Equal((DriftKinds.Deleted, DriftKinds.Restored), (drift.Kind, drift.Action));
    }

    [Fact]
    public void Create_DeletedOutcomeNoLongerDerived_IsLeftDeleted()
    {
        var server = Reconcile([Ledger("eligibility", "eligible", "o1", "2")]);

        var plan = WritePlan.Create("p1", [], server.View, server, dryRun: false);

        Assert.Empty(plan.Writes);
        Assert.Equal(DriftKinds.LeftDeleted, Assert.Single(plan.Drift).Action);
    }

    [Fact]
    public void Create_OutsideEditWithTheDerivationUnchanged_KeepsTheEhrVersion()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "1");
        var server = Reconcile([ledger], Observation("eligibility", "ineligible", "o1", "2"));

        var plan = WritePlan.Create("p1", [Derived("eligibility", "eligible")], server.View, server, dryRun: false);

        Assert.Empty(plan.Writes);
        var drift = Assert.Single(plan.Drift);
        Assert.Equal((DriftKinds.EditedOutside, DriftKinds.KeptEhrVersion, "p1", "eligibility"), (drift.Kind, drift.Action, drift.PatientId, drift.OutcomeCode));
    }

    [Fact]
    public void Create_OutsideEditWithTheDerivationChanged_ReassertsOverTheEditedVersion()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "1");
        var server = Reconcile([ledger], Observation("eligibility", "ineligible", "o1", "2"));

        var plan = WritePlan.Create("p1", [Derived("eligibility", "undetermined")], server.View, server, dryRun: false);

        Assert.Equal("2", Assert.Single(plan.Writes).IfMatch);
        Assert.Equal(DriftKinds.Reasserted, Assert.Single(plan.Drift).Action);
    }

    [Fact]
    public void Create_OutsideEditKeptInAnEarlierRunThenDerivationChanges_ReportsTheReassertion()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "2") with { EditedOutsideAt = Now.AddDays(-2) };

        var plan = WritePlan.Create("p1", [Derived("eligibility", "undetermined")], [ledger], null, dryRun: false);

        Assert.Equal("2", Assert.Single(plan.Writes).IfMatch);
        var drift = Assert.Single(plan.Drift);
        Assert.Equal((DriftKinds.EditedOutside, DriftKinds.Reasserted), (drift.Kind, drift.Action));
        Assert.Equal(["Observation/o1"], drift.ResourceIds);
    }

    [Fact]
    public void Create_DryRun_CountsWithoutWrites()
    {
        var plan = WritePlan.Create("p1", [Derived("eligibility", "ineligible"), Derived("os-status", "alive")], [Ledger("eligibility", "eligible", "o1", "1")], null, dryRun: true);

        Assert.Empty(plan.Writes);
        Assert.Equal(2, plan.Changed);
        Assert.False(plan.NeedsServerState);
    }

    private static DerivedOutcome Derived(string code, string value)
    {
        var observation = Observation(code, value, "local", "1");
        return new DerivedOutcome(observation, Identifier(code), code, Hash(code, value));
    }

    private static Reconciled Reconcile(IReadOnlyList<LedgerEntry> ledger, params Observation[] server) =>
        OutcomeReconciliation.Reconcile(ledger, [], Lookup(server), Now);
}
