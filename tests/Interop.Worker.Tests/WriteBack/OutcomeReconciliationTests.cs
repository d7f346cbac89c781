using Hl7.Fhir.Model;
using Interop.Store;
using Interop.Sync.Live;
using static Interop.Worker.Tests.WriteBack.ServerOutcomes;

namespace Interop.Worker.Tests.WriteBack;

/// <summary>A patient's ledger set against what the server holds (ADR 0007): each way the two can differ.</summary>
public sealed class OutcomeReconciliationTests
{
    [Fact]
    public void Reconcile_ServerAtTheLedgersVersion_ViewIsTheLedgerAndNothingIsRecorded()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "1");

        var result = OutcomeReconciliation.Reconcile([ledger], [], Lookup(Observation("eligibility", "eligible", "o1", "1")), Now);

        Assert.Equal([ledger], result.View);
        Assert.Empty(result.Persist);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Reconcile_SameContentUnderANewerVersion_AdoptsTheVersionWithoutAFinding()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "1");

        var result = OutcomeReconciliation.Reconcile([ledger], [], Lookup(Observation("eligibility", "eligible", "o1", "2")), Now);

        var seen = Assert.Single(result.View);
        Assert.Equal(("o1", "2", ledger.ContentHash), (seen.ServerResourceId, seen.ServerVersionId, seen.ContentHash));
        Assert.Equal([seen], result.Persist);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Reconcile_ServerHoldsWhatAnUnansweredAttemptSent_AdoptsItAsTheAdaptersOwnWrite()
    {
        var ledger = Ledger("eligibility", "undetermined", "o1", "1");
        var intent = new OutcomeWriteIntent(Identifier("eligibility"), "p1", Hash("eligibility", "eligible"), OutcomeStatus.Amended, Now);

        var result = OutcomeReconciliation.Reconcile(
            [ledger], [intent], Lookup(Observation("eligibility", "eligible", "o1", "2", ObservationStatus.Amended)), Now);

        var seen = Assert.Single(result.View);
        Assert.Equal((intent.ContentHash, OutcomeStatus.Amended, "2", (DateTimeOffset?)null), (seen.ContentHash, seen.Status, seen.ServerVersionId, seen.EditedOutsideAt));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Reconcile_OtherContentNobodyHereSent_IsAnOutsideEditKeepingWhatTheAdapterDerived()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "1");

        var result = OutcomeReconciliation.Reconcile([ledger], [], Lookup(Observation("eligibility", "ineligible", "o1", "2")), Now);

        var seen = Assert.Single(result.View);
        Assert.Equal((ledger.ContentHash, "2", (DateTimeOffset?)Now), (seen.ContentHash, seen.ServerVersionId, seen.EditedOutsideAt));
        var finding = Assert.Single(result.Findings);
        Assert.Equal((DriftKinds.EditedOutside, "eligibility"), (finding.Kind, finding.OutcomeCode));
        Assert.Equal(["Observation/o1"], finding.ResourceIds);
    }

    [Fact]
    public void Reconcile_SameContentRetractedBySomeoneElse_IsAnOutsideEdit()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "1");

        var result = OutcomeReconciliation.Reconcile(
            [ledger], [], Lookup(Observation("eligibility", "eligible", "o1", "2", ObservationStatus.EnteredInError)), Now);

        Assert.Equal(DriftKinds.EditedOutside, Assert.Single(result.Findings).Kind);
        Assert.Equal(OutcomeStatus.Final, Assert.Single(result.View).Status);
    }

    [Fact]
    public void Reconcile_OutsideEditUndoneOnTheServer_IsInStepAgain()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "2") with { EditedOutsideAt = Now.AddDays(-3) };

        var result = OutcomeReconciliation.Reconcile([ledger], [], Lookup(Observation("eligibility", "eligible", "o1", "3")), Now);

        Assert.Null(Assert.Single(result.View).EditedOutsideAt);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Reconcile_OutsideEditAlreadySeen_IsNotReportedAgain()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "2") with { EditedOutsideAt = Now.AddDays(-3) };

        var result = OutcomeReconciliation.Reconcile([ledger], [], Lookup(Observation("eligibility", "ineligible", "o1", "2")), Now);

        Assert.Equal([ledger], result.View);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Reconcile_LedgerOutcomeGoneFromTheServer_IsDeletedOutOfTheViewWithItsLastVersionAsBase()
    {
        var ledger = Ledger("eligibility", "eligible", "o1", "4");

        var result = OutcomeReconciliation.Reconcile([ledger], [], Lookup(), Now);

        Assert.Empty(result.View);
        Assert.Equal("deleted:o1/4", result.DeletedBases[ledger.OutcomeIdentifier]);
        var gone = Assert.Single(result.Persist);
        Assert.Equal((null, null, OutcomeStatus.EnteredInError), (gone.ServerResourceId, gone.ServerVersionId, gone.Status));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(DriftKinds.Deleted, finding.Kind);
        Assert.Equal(["Observation/o1"], finding.ResourceIds);
    }

    [Fact]
    public void Reconcile_TwoResourcesUnderOneIdentifier_IsADuplicateNamingBothAndKeepsTheLedgerRow()
    {
        var ledger = Ledger("eligibility", "eligible", "o2", "1");

        var result = OutcomeReconciliation.Reconcile(
            [ledger], [], Lookup(Observation("eligibility", "eligible", "o2", "1"), Observation("eligibility", "eligible", "o1", "1")), Now);

        var duplicate = Assert.Single(result.Duplicates);
        Assert.Equal(["Observation/o1", "Observation/o2"], duplicate.ResourceIds);
        Assert.Equal([ledger], result.View);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Reconcile_IdentifierTheLedgerDoesNotKnow_IsAdoptedAsUnrecorded()
    {
        var result = OutcomeReconciliation.Reconcile([], [], Lookup(Observation("os-status", "alive", "o9", "3")), Now);

        var seen = Assert.Single(result.View);
        Assert.Equal(("os-status", "p1", "o9", "3", Hash("os-status", "alive")), (seen.OutcomeCode, seen.PatientId, seen.ServerResourceId, seen.ServerVersionId, seen.ContentHash));
        Assert.Equal(DriftKinds.Unrecorded, Assert.Single(result.Findings).Kind);
    }

    [Fact]
    public void Reconcile_ResearchSubjectRow_PassesThroughUntouched()
    {
        var subject = new LedgerEntry("blinfant/research-subject/p1", "p1", OutcomeWrite.ResearchSubjectCode, "aa", "rs1", "1", OutcomeStatus.Final, Now);

        var result = OutcomeReconciliation.Reconcile([subject], [], Lookup(), Now);

        Assert.Equal([subject], result.View);
        Assert.Empty(result.Findings);
        Assert.Empty(result.Persist);
    }
}
