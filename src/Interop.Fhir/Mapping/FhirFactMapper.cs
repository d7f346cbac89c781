using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Mapping;

/// <summary>
/// Maps one FHIR R4 resource to the trial's domain facts (docs/reading-contract.md, "Resources read" and "Rules for every
/// input"). Stateless and thread-safe; per-resource failures are values (<see cref="QuarantinedResource"/>), not exceptions.
/// </summary>
/// <param name="map">The terminology map (defaults plus site maps).</param>
/// <param name="siteZone">The site's zone, for dates without an offset.</param>
/// <param name="reading">The site's reading options; null for the defaults.</param>
/// <exception cref="TerminologyMapException">A unit map named in <paramref name="reading"/> cannot be used (names the file and element).</exception>
public sealed class FhirFactMapper(TerminologyMap map, TimeZoneInfo siteZone, ReadingOptions? reading = null)
{
    private readonly MappingContext _context = MappingContext.Create(map, siteZone, reading ?? new ReadingOptions());
    private IrrelevantLineDetector? _irrelevantLines;

    /// <summary>Recognises, before parsing, lines this mapper would map to <see cref="IrrelevantResource"/> (same map, same reading).</summary>
    public IrrelevantLineDetector IrrelevantLines => _irrelevantLines ??= new IrrelevantLineDetector(_context.Map, _context.Reading);

    /// <summary>
    /// True for the resource types <see cref="Map"/> reads (every other type is never relevant): a damaged record of
    /// another type can change no outcome, and duplicates of other types are not looked for. Keep in step with <see cref="Map"/>.
    /// </summary>
    public static bool ReadsResourceType(string resourceType) =>
        resourceType is "Patient" or "Condition" or "Observation" or "DiagnosticReport" or "MedicationAdministration" or "Medication" or "Substance";

    /// <summary>Maps <paramref name="resource"/>, read at <paramref name="location"/> (the assembler records it for quarantine entries).</summary>
    public MappedResource Map(Resource resource, string location)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _ = location; // Part of the contract so callers can log by location; mapping itself never depends on where a resource was read.
        return resource switch
        {
            Patient patient => PatientFactMapper.Map(patient),
            Condition condition => ConditionFactMapper.Map(condition, _context),
            Observation observation => ObservationFactMapper.Map(observation, _context),
            DiagnosticReport report => DiagnosticReportMapper.Map(report, _context),
            MedicationAdministration administration => AdministrationFactMapper.Map(administration, _context),
            Medication medication => medication.Id is { Length: > 0 } id
                ? MedicationReader.Read(id, medication, medication.Contained, _context)
                : MappedResource.Irrelevant,
            Substance substance => substance.Id is { Length: > 0 } id
                ? MedicationReader.Read(id, substance, _context)
                : MappedResource.Irrelevant,
            _ => MappedResource.Irrelevant,
        };
    }
}

/// <summary>What every per-type mapper needs.</summary>
internal sealed record MappingContext(TerminologyMap Map, TimeZoneInfo Zone, ReadingOptions Reading)
{
    /// <summary>The site's Observation readings (text answers, MRD notations, unit maps), prepared from <see cref="Reading"/>.</summary>
    public SiteReading Site { get; init; } = SiteReading.Default;

    /// <exception cref="TerminologyMapException">A unit map named in <paramref name="reading"/> cannot be used.</exception>
    public static MappingContext Create(TerminologyMap map, TimeZoneInfo zone, ReadingOptions reading) =>
        new(map, zone, reading) { Site = SiteReading.From(reading) };

    /// <summary>The evidence pointer of a resource whose id the caller has checked.</summary>
    public static EvidenceRef Evidence(Resource resource) => new(resource.TypeName, resource.Id!, resource.Meta?.VersionId);
}
