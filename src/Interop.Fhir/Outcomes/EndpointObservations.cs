using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Domain.Results;

namespace Interop.Fhir.Outcomes;

/// <summary>The primary-endpoint, DFS and OS outcomes.</summary>
internal static class EndpointObservations
{
    public static Observation PrimaryEndpoint(ObservationScaffold scaffold, PrimaryEndpointResult endpoint, AsOf asOf)
    {
        var observation = scaffold.Create(OutcomeCodes.PrimaryEndpoint, endpoint.Evidence);
        observation.Effective = FhirValues.Date(asOf.Date);
        observation.Value = new FhirBoolean(endpoint.Event);
        return observation;
    }

    public static Observation Dfs(ObservationScaffold scaffold, DfsResult dfs)
    {
        var observation = scaffold.Create(OutcomeCodes.DfsStatus, dfs.Evidence);
        if (dfs.EffectiveDate is { } date)
        {
            observation.Effective = FhirValues.Date(date);
        }

        observation.Value = FhirValues.Blinfant(OutcomeValueCodes.Of(dfs.Status));
        if (dfs.Site is { } site)
        {
            observation.Component.Add(FhirValues.Component("relapse-site", FhirValues.Blinfant(OutcomeValueCodes.Of(site))));
        }

        return observation;
    }

    public static Observation Os(ObservationScaffold scaffold, OsResult os)
    {
        var observation = scaffold.Create(OutcomeCodes.OsStatus, os.Evidence);
        if (os.EffectiveDate is { } date)
        {
            observation.Effective = FhirValues.Date(date);
        }

        observation.Value = FhirValues.Blinfant(OutcomeValueCodes.Of(os.Status));
        return observation;
    }
}
