using Interop.Ehr.Rest;
using Hl7.Fhir.Model;
using Interop.Store;
using Interop.Sync.Live;

namespace Interop.Worker.Tests.Live;

public sealed class ResearchSubjectWriteTests
{
    [Theory]
    [InlineData(true, CapabilityStatement.ConditionalDeleteStatus.Single, true)]
    [InlineData(true, CapabilityStatement.ConditionalDeleteStatus.Multiple, true)]
    [InlineData(true, CapabilityStatement.ConditionalDeleteStatus.NotSupported, false)]
    [InlineData(false, CapabilityStatement.ConditionalDeleteStatus.Single, false)]
    public void SupportsResearchSubject_ConditionalUpdateAndDelete_BothRequired(
        bool conditionalUpdate, CapabilityStatement.ConditionalDeleteStatus conditionalDelete, bool expected)
    {
        var capabilities = Capabilities(new CapabilityStatement.ResourceComponent
        {
            Type = "ResearchSubject",
            ConditionalUpdate = conditionalUpdate,
            ConditionalDelete = conditionalDelete,
        });

        Assert.Equal(expected, EhrCapabilities.SupportsResearchSubject(ServerCapabilities.Of(capabilities)));
    }

    [Fact]
    public void SupportsResearchSubject_NotListed_False() =>
        Assert.False(EhrCapabilities.SupportsResearchSubject(ServerCapabilities.Of(Capabilities())));

    [Fact]
    public void Create_ResearchSubjectPutAndRetraction_PutsByIdentifierAndDeletesTheRetracted()
    {
        var subject = new ResearchSubject
        {
            Id = "server-id",
            Identifier = [new Identifier(Interop.Fhir.Canonical.OutcomeIdentifierSystem, "blinfant/research-subject/p1")],
            Status = ResearchSubject.ResearchSubjectStatus.Eligible,
            Study = new ResourceReference("ResearchStudy/blinfant"),
            Individual = new ResourceReference("Patient/p1"),
        };
        var writes = new[]
        {
            new OutcomeWrite(subject, "blinfant/research-subject/p1", OutcomeWrite.ResearchSubjectCode, "h1", OutcomeStatus.Final),
            new OutcomeWrite(null, "blinfant/research-subject/p2", OutcomeWrite.ResearchSubjectCode, "h2", OutcomeStatus.EnteredInError),
        };

        var bundle = WriteBackTransaction.Create(writes, new Provenance(), DateTimeOffset.UnixEpoch, "blinfant/provenance/p1/00", conditionalCreate: true);

        var put = bundle.Entry[0];
        Assert.Equal(Bundle.HTTPVerb.PUT, put.Request!.Method);
        Assert.Equal($"ResearchSubject?identifier={Interop.Fhir.Canonical.OutcomeIdentifierSystem}|blinfant/research-subject/p1", put.Request.Url);
        Assert.Null(put.Resource!.Id);
        var delete = bundle.Entry[1];
        Assert.Equal(Bundle.HTTPVerb.DELETE, delete.Request!.Method);
        Assert.Null(delete.Resource);
        Assert.EndsWith("|blinfant/research-subject/p2", delete.Request.Url, StringComparison.Ordinal);
        var provenance = Assert.IsType<Provenance>(bundle.Entry[2].Resource);
        Assert.Equal([put.FullUrl], provenance.Target.Select(t => t.Reference));
    }

    private static CapabilityStatement Capabilities(params CapabilityStatement.ResourceComponent[] resources) => new()
    {
        Rest = [new CapabilityStatement.RestComponent { Mode = CapabilityStatement.RestfulCapabilityMode.Server, Resource = [.. resources] }],
    };
}
