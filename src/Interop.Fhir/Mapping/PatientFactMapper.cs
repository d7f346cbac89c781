using Hl7.Fhir.Model;
using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>Patient: full birth date, death, replaced-by / replaces links.</summary>
internal static class PatientFactMapper
{
    public static MappedResource Map(Patient patient)
    {
        if (string.IsNullOrEmpty(patient.Id))
        {
            return MappedResource.Quarantine("Patient.id is missing");
        }

        var evidence = MappingContext.Evidence(patient);
        var death = patient.Deceased switch
        {
            FhirDateTime deceasedAt => new Death(FhirDates.FullDate(deceasedAt.Value), false, evidence),
            FhirBoolean { Value: true } => new Death(null, false, evidence),
            _ => null,
        };

        var links = new List<PatientLink>();
        foreach (var link in patient.Link)
        {
            var kind = link.Type switch
            {
                Patient.LinkType.ReplacedBy => PatientLinkKind.ReplacedBy,
                Patient.LinkType.Replaces => (PatientLinkKind?)PatientLinkKind.Replaces,
                _ => null,
            };
            var other = FhirReferences.PatientId(link.Other);
            if (kind is { } k && other is not null && other != patient.Id)
            {
                links.Add(new PatientLink(other, k));
            }
        }

        return new PatientInfo(patient.Id, FhirDates.FullDate(patient.BirthDate), death, evidence, links);
    }
}
