using Hl7.Fhir.Model;

namespace Interop.Worker.Tests.Check;

/// <summary>CapabilityStatements for the check's tests.</summary>
internal static class CapabilityStatements
{
    /// <summary>An R4 server stating exactly what a sync needs.</summary>
    public static CapabilityStatement Complete()
    {
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Interaction = [new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Transaction }],
        };
        rest.Resource.Add(Resource("Patient", "_lastUpdated", "_id"));
        rest.Resource.Add(Resource("Condition", "_lastUpdated", "code", "subject", "patient"));
        var observation = Resource("Observation", "_lastUpdated", "code", "subject", "patient", "identifier");
        observation.ConditionalUpdate = true;
        rest.Resource.Add(observation);
        rest.Resource.Add(Resource("MedicationAdministration", "_lastUpdated", "code", "patient"));
        rest.Resource.Add(Resource("Provenance", "target"));
        return new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = "2026-01-01",
            Format = ["application/fhir+json"],
            Kind = CapabilityStatementKind.Instance,
            FhirVersion = FHIRVersion.N4_0_1,
            Rest = [rest],
        };
    }

    private static CapabilityStatement.ResourceComponent Resource(string type, params string[] searchParameters) => new()
    {
        Type = type,
        Interaction =
        [
            .. new[]
            {
                CapabilityStatement.TypeRestfulInteraction.Read,
                CapabilityStatement.TypeRestfulInteraction.SearchType,
                CapabilityStatement.TypeRestfulInteraction.Create,
                CapabilityStatement.TypeRestfulInteraction.Update,
            }.Select(code => new CapabilityStatement.ResourceInteractionComponent { Code = code }),
        ],
        SearchParam = [.. searchParameters.Select(name => new CapabilityStatement.SearchParamComponent { Name = name, Type = SearchParamType.Token })],
    };
}
