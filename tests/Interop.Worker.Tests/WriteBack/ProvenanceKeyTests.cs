using Hl7.Fhir.Model;
using Interop.Store;
using Interop.Sync.Live;
using Canonical = Interop.Fhir.Canonical;

namespace Interop.Worker.Tests.WriteBack;

/// <summary>The Provenance key: the same write gives the same key, every real change another; the transaction carries it.</summary>
public sealed class ProvenanceKeyTests
{
    private static readonly OutcomeWrite A = new(null, "blinfant/eligibility/p1", "eligibility", "AA", OutcomeStatus.Final) { Base = "new" };
    private static readonly OutcomeWrite B = new(null, "blinfant/os-status/p1", "os-status", "bb", OutcomeStatus.Final) { Base = "new" };

    [Fact]
    public void Of_SameWritesInAnyOrder_IsTheSameKey() =>
        Assert.Equal(ProvenanceKey.Of("blinfant", "p1", [A, B]), ProvenanceKey.Of("blinfant", "p1", [B, A with { ContentHash = "aa" }]));

    [Fact]
    public void Of_Key_NamesStudyAndPatientThen32HexCharacters() =>
        Assert.Matches("^blinfant/provenance/p1/[0-9a-f]{32}$", ProvenanceKey.Of("blinfant", "p1", [A]));

    [Fact]
    public void Of_SameContentOnAnotherVersion_IsAnotherKey() =>
        Assert.NotEqual(ProvenanceKey.Of("blinfant", "p1", [A with { Base = "o1/2" }]), ProvenanceKey.Of("blinfant", "p1", [A with { Base = "o1/4" }]));

    [Fact]
    public void Of_OtherStatusOrPatient_IsAnotherKey()
    {
        var key = ProvenanceKey.Of("blinfant", "p1", [A]);

        Assert.NotEqual(key, ProvenanceKey.Of("blinfant", "p1", [A with { Status = OutcomeStatus.Amended }]));
        Assert.NotEqual(key, ProvenanceKey.Of("blinfant", "p2", [A]));
    }

    [Fact]
    public void Create_Transaction_SendsIfMatchPerReplacedVersionAndCreatesTheProvenanceOncePerKey()
    {
        var observation = new Observation { Id = "o1", Identifier = [new Identifier(Canonical.OutcomeIdentifierSystem, A.IdentifierValue)], Status = ObservationStatus.Final };
        OutcomeWrite[] writes = [A with { Resource = observation, Status = OutcomeStatus.Amended, IfMatch = "3" }, B with { Resource = new Observation() }];

        var bundle = WriteBackTransaction.Create(writes, new Provenance(), DateTimeOffset.UnixEpoch, "blinfant/provenance/p1/0a", conditionalCreate: true);
        var plain = WriteBackTransaction.Create(writes, new Provenance(), DateTimeOffset.UnixEpoch, "blinfant/provenance/p1/0a", conditionalCreate: false);

        Assert.Equal(["W/\"3\"", null], bundle.Entry.Take(2).Select(e => e.Request!.IfMatch));
        var provenance = bundle.Entry[2];
        var tag = Assert.Single(provenance.Resource!.Meta!.Tag);
        Assert.Equal((Canonical.ProvenanceKeySystem, "blinfant/provenance/p1/0a"), (tag.System, tag.Code));
        Assert.Equal($"_tag={Canonical.ProvenanceKeySystem}|blinfant/provenance/p1/0a", provenance.Request!.IfNoneExist);
        Assert.Null(plain.Entry[2].Request!.IfNoneExist);
        Assert.Equal(provenance.FullUrl, plain.Entry[2].FullUrl);
    }
}
