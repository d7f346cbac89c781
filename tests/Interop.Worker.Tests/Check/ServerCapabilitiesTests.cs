using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using Interop.Fhir.Serialization;
using Interop.Sync;

namespace Interop.Worker.Tests.Check;

/// <summary>
/// A writing sync reads its CapabilityStatement facts from the JSON (<see cref="ServerCapabilities.Parse"/>), <c>check</c> from
/// the parsed statement (<see cref="ServerCapabilities.Of"/>): both must judge every statement alike.
/// </summary>
public sealed class ServerCapabilitiesTests
{
    public static TheoryData<string> Statements() => [.. Variants.Keys];

    private static readonly Dictionary<string, Func<CapabilityStatement>> Variants = new(StringComparer.Ordinal)
    {
        ["complete"] = CapabilityStatements.Complete,
        ["no transaction"] = () => With(s => s.Rest[0].Interaction.Clear()),
        ["FHIR 3.0.2"] = () => With(s => s.FhirVersion = FHIRVersion.N3_0_2),
        ["no fhirVersion"] = () => With(s => s.FhirVersion = null),
        ["client rest only"] = () => With(s => s.Rest[0].Mode = CapabilityStatement.RestfulCapabilityMode.Client),
        ["no rest"] = () => With(s => s.Rest.Clear()),
        ["Observation without conditional update"] = () => With(s => Type(s, "Observation").ConditionalUpdate = false),
        ["Observation without identifier search"] = () => With(s => Type(s, "Observation").SearchParam.RemoveAll(p => p.Name == "identifier")),
        ["Condition without code search"] = () => With(s => Type(s, "Condition").SearchParam.RemoveAll(p => p.Name == "code")),
        ["code searchable server-wide"] = () => With(s =>
        {
            Type(s, "Condition").SearchParam.RemoveAll(p => p.Name == "code");
            s.Rest[0].SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "code", Type = SearchParamType.Token });
        }),
        ["Patient without search-type"] = () => With(s => Type(s, "Patient").Interaction.RemoveAll(i => i.Code == CapabilityStatement.TypeRestfulInteraction.SearchType)),
        ["no Provenance"] = () => With(s => s.Rest[0].Resource.RemoveAll(r => r.Type == "Provenance")),
        ["Provenance conditional create"] = () => With(s => Type(s, "Provenance").ConditionalCreate = true),
        ["ResearchSubject conditional update and delete"] = () => With(s => s.Rest[0].Resource.Add(ResearchSubject(CapabilityStatement.ConditionalDeleteStatus.Single))),
        ["ResearchSubject without conditional delete"] = () => With(s => s.Rest[0].Resource.Add(ResearchSubject(CapabilityStatement.ConditionalDeleteStatus.NotSupported))),
        ["Observation stated twice, the first without update"] = () => With(s =>
        {
            var first = new CapabilityStatement.ResourceComponent { Type = "Observation" };
            s.Rest[0].Resource.Insert(0, first);
        }),
        ["implementation url"] = () => With(s => s.Implementation = new CapabilityStatement.ImplementationComponent { Description = "EHR", Url = "https://ehr.example.org/fhir" }),
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Parse_SameStatement_JudgedAsTheParsedStatement(string variant)
    {
        var statement = Variants[variant]();
        var json = JsonSerializer.SerializeToUtf8Bytes(statement, FhirJson.Options);

        var read = ServerCapabilities.Parse(json);
        var parsed = ServerCapabilities.Of(statement);

        Assert.Equal(EhrRequirements.Evaluate(statement), EhrRequirements.Evaluate(read));
        Assert.Equal(EhrRequirements.SupportsResearchSubject(parsed), EhrRequirements.SupportsResearchSubject(read));
        Assert.Equal(EhrRequirements.SupportsConditionalProvenance(parsed), EhrRequirements.SupportsConditionalProvenance(read));
        Assert.Equal(parsed.ImplementationUrl, read.ImplementationUrl);
        Assert.Equal(parsed.FhirVersion, read.FhirVersion);
    }

    [Theory]
    [InlineData("""{"resourceType":"OperationOutcome","issue":[]}""")]
    [InlineData("""[]""")]
    [InlineData("""{"resourceType":"CapabilityStatement","rest":{"mode":"server"}}""")]
    [InlineData("""{"resourceType":"CapabilityStatement","rest":[{"mode":"server","resource":[{"type":"Observation","conditionalUpdate":"yes"}]}]}""")]
    [InlineData("""{"resourceType":"CapabilityStatement","fhirVersion":4}""")]
    [InlineData("""{"resourceType":"CapabilityStatement",""")]
    public void Parse_NotACapabilityStatementOrWrongTypes_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ServerCapabilities.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    private static CapabilityStatement With(Action<CapabilityStatement> change)
    {
        var statement = CapabilityStatements.Complete();
        change(statement);
        return statement;
    }

    private static CapabilityStatement.ResourceComponent Type(CapabilityStatement statement, string type) =>
        statement.Rest[0].Resource.First(r => r.Type == type);

    private static CapabilityStatement.ResourceComponent ResearchSubject(CapabilityStatement.ConditionalDeleteStatus delete) => new()
    {
        Type = "ResearchSubject",
        ConditionalUpdate = true,
        ConditionalDelete = delete,
        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Update }],
    };
}
