namespace Interop.Store.Tests;

public sealed class LedgerComparisonTests
{
    [Fact]
    public void Compare_MixedOutcomes_SortsNewChangedUnchangedRetracted()
    {
        LedgerEntry[] ledger =
        [
            LedgerTests.Entry("p1", "eligibility", "aa"),
            LedgerTests.Entry("p1", "mrd-class", "bb"),
            LedgerTests.Entry("p1", "risk-group", "cc"),
            LedgerTests.Entry("p1", "relapse", "dd", OutcomeStatus.EnteredInError),
        ];
        OutcomeDigest[] derived =
        [
            new("blinfant/eligibility/p1", "aa"),
            new("blinfant/mrd-class/p1", "b2"),
            new("blinfant/course/p1", "ee"),
        ];

        var diff = LedgerComparison.Compare(ledger, derived);

        Assert.Equal(["blinfant/course/p1"], diff.New.Select(d => d.OutcomeIdentifier));
        Assert.Equal(["blinfant/mrd-class/p1"], diff.Changed.Select(d => d.OutcomeIdentifier));
        Assert.Equal(["blinfant/eligibility/p1"], diff.Unchanged.Select(d => d.OutcomeIdentifier));
        Assert.Equal(["blinfant/risk-group/p1"], diff.Retracted.Select(d => d.OutcomeIdentifier));
        Assert.False(diff.NothingToWrite);
    }

    [Fact]
    public void IsUnchanged_RetractedEntrySameHash_IsFalse()
    {
        Assert.False(LedgerComparison.IsUnchanged(LedgerTests.Entry("p1", "relapse", "dd", OutcomeStatus.EnteredInError), "dd"));
        Assert.False(LedgerComparison.IsUnchanged(null, "dd"));
        Assert.True(LedgerComparison.IsUnchanged(LedgerTests.Entry("p1", "relapse", "dd", OutcomeStatus.Amended), "DD"));
    }

    [Fact]
    public void ContentHash_Of_IsLowerCaseSha256Hex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.Of("abc"));
    }
}
