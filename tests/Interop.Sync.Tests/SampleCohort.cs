using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Fhir.Serialization;
using Interop.Fhir.Terminology;

namespace Interop.Sync.Tests;

/// <summary>The bundled sample export, assembled into per-patient record sets (the source side of the patient step).</summary>
internal static class SampleCohort
{
    public const string StudyId = "blinfant";

    public static AsOf AsOf { get; } = new(new DateTimeOffset(2026, 6, 1, 23, 59, 59, TimeSpan.FromHours(2)), new DateOnly(2026, 6, 1));

    private static readonly Lazy<AssemblyResult> Assembled = new(Assemble);

    /// <summary>Screened patients none of whose records was quarantined.</summary>
    public static IReadOnlyList<PatientRecordSet> Clean => [.. Assembled.Value.Patients.Where(p => p.Quarantined.Count == 0)];

    /// <summary>The first clean patient with one of their records quarantined (a unit the site has not mapped).</summary>
    public static PatientRecordSet WithQuarantine()
    {
        var patient = Clean[0];
        return patient with { Quarantined = [new QuarantineEntry("Observation.ndjson:3", "Observation", "obs-1", patient.Record.PatientId, "unmapped unit")] };
    }

    private static AssemblyResult Assemble()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var assembler = new PatientRecordAssembler(new FhirFactMapper(TerminologyMap.Load([RepositoryPaths.SampleSiteMap]), zone));
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SampleExport, "*.ndjson").Order(StringComparer.Ordinal))
        {
            var line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    assembler.Add(JsonSerializer.Deserialize<Resource>(text, FhirJson.Options)!, $"{Path.GetFileName(file)}:{line}");
                }
            }
        }

        return assembler.Complete();
    }
}
