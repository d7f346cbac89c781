using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Interop.Fhir.Mapping;
using Interop.Fhir.Serialization;
using Interop.Fhir.Terminology;
using Interop.Testing;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>
/// Lines recognised as irrelevant without parsing them (ADR 0019): only lines the mapper would map to IrrelevantResource,
/// with the id, meta.lastUpdated and patient Firely reads; any doubt leaves the line to the parser.
/// </summary>
public sealed class IrrelevantLineDetectorTests
{
    // Shapes as Synthea's bulk export writes them (US Core vital signs, a SNOMED condition, an RxNorm administration).
    private const string SyntheaBodyWeight =
        """{"resourceType":"Observation","id":"4c1f0e2a-7b7e-4d0c-9c55-0d1b8e5f7a10","meta":{"profile":["http://hl7.org/fhir/us/core/StructureDefinition/us-core-body-weight"],"lastUpdated":"2024-03-02T10:15:30.123+01:00"},"status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs","display":"Vital signs"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"29463-7","display":"Body Weight"}],"text":"Body Weight"},"subject":{"reference":"Patient/9a5d2c11"},"encounter":{"reference":"Encounter/77e1"},"effectiveDateTime":"2024-03-02T09:00:00+01:00","issued":"2024-03-02T09:00:00.683+01:00","valueQuantity":{"value":7.4,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}""";

    private const string SyntheaBloodPressure =
        """{"resourceType":"Observation","id":"bp-1","status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"85354-9","display":"Blood pressure panel with all children optional"}]},"subject":{"reference":"Patient/9a5d2c11"},"effectiveDateTime":"2024-03-02T09:00:00+01:00","component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":55,"unit":"mm[Hg]","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":90,"unit":"mm[Hg]","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}""";

    private const string SyntheaSinusitis =
        """{"resourceType":"Condition","id":"cond-sinusitis","meta":{"lastUpdated":"2024-03-02T10:15:30Z"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],"code":{"coding":[{"system":"http://snomed.info/sct","code":"444814009","display":"Viral sinusitis (disorder)"}],"text":"Viral sinusitis (disorder)"},"subject":{"reference":"https://ehr.example.org/fhir/Patient/9a5d2c11"},"onsetDateTime":"2024-02-20T09:00:00+01:00","recordedDate":"2024-02-20T09:00:00+01:00"}""";

    private const string SyntheaCefuroxime =
        """{"resourceType":"MedicationAdministration","id":"mad-cef","status":"completed","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1736854","display":"Cefuroxime 250 MG Oral Tablet"}],"text":"Cefuroxime 250 MG Oral Tablet"},"subject":{"reference":"Patient/9a5d2c11"},"context":{"reference":"Encounter/77e1"},"effectiveDateTime":"2024-03-02T09:00:00+01:00"}""";

    private const string HeartRate =
        """{"resourceType":"Observation","id":"obs-hr","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2024-01-10T09:00:00+01:00","valueQuantity":{"value":120,"unit":"beats/minute","system":"http://unitsofmeasure.org","code":"/min"}}""";

    private static readonly FhirFactMapper Mapper = new(TerminologyMap.Load([RepositoryPaths.SampleSiteMap]), MappingFixture.Amsterdam);

    [Theory]
    [InlineData(SyntheaBodyWeight, "4c1f0e2a-7b7e-4d0c-9c55-0d1b8e5f7a10", "9a5d2c11")]
    [InlineData(SyntheaBloodPressure, "bp-1", "9a5d2c11")]
    [InlineData(SyntheaSinusitis, "cond-sinusitis", "9a5d2c11")]
    [InlineData(SyntheaCefuroxime, "mad-cef", "9a5d2c11")]
    [InlineData(HeartRate, "obs-hr", "p1")]
    public void TryRecognise_RecordOfNoCodeTheTrialReads_RecognisedWithWhatFirelyReads(string line, string id, string patientId)
    {
        var record = Recognised(line);

        Assert.Equal((id, patientId), (record.Id, record.PatientId));
        AssertSameAsParsed(line, record);
    }

    [Fact]
    public void TryRecognise_LastUpdatedWithOffsetAndFraction_SameInstantAsFirely()
    {
        var record = Recognised(SyntheaBodyWeight);

        Assert.Equal(new DateTimeOffset(2024, 3, 2, 9, 15, 30, 123, TimeSpan.Zero).UtcTicks, record.LastUpdatedUtcTicks);
    }

    public static TheoryData<string, string> Doubtful => new()
    {
        // Codes the trial reads, wherever they are.
        { "KMT2A rearrangement (LOINC, in the default map)", HeartRate.Replace("8867-4", "78219-3", StringComparison.Ordinal) },
        { "a site's local code (site ConceptMap)", HeartRate.Replace("http://loinc.org", "http://hospital.example.org/CodeSystem/lab-local", StringComparison.Ordinal).Replace("8867-4", "BMBLAST", StringComparison.Ordinal) },
        { "a code the trial reads (white cells) in a second coding", HeartRate.Replace("\"display\":\"Heart rate\"}", "\"display\":\"Heart rate\"},{\"system\":\"http://loinc.org\",\"code\":\"6690-2\"}", StringComparison.Ordinal) },
        { "the genomic-variant code, whatever its system", HeartRate.Replace("8867-4", "69548-6", StringComparison.Ordinal).Replace("http://loinc.org", "urn:oid:2.16.840.1.113883.6.1", StringComparison.Ordinal) },
        { "B-precursor ALL", SyntheaSinusitis.Replace("444814009", "91857003", StringComparison.Ordinal) },
        { "blinatumomab's ATC code", SyntheaCefuroxime.Replace("http://www.nlm.nih.gov/research/umls/rxnorm", "http://www.whocc.no/atc", StringComparison.Ordinal).Replace("1736854", "L01FX07", StringComparison.Ordinal) },

        // Words the mapper warns on, and medications the assembler resolves.
        { "an unmapped medication named Blincyto", SyntheaCefuroxime.Replace("Cefuroxime 250 MG Oral Tablet\"}", "BLINCYTO infusion\"}", StringComparison.Ordinal) },
        { "a medication by reference", SyntheaCefuroxime.Replace("\"medicationCodeableConcept\"", "\"medicationReference\":{\"reference\":\"Medication/m1\"},\"x\"", StringComparison.Ordinal) },
        { "contained resources", HeartRate.Replace("\"status\"", "\"contained\":[{\"resourceType\":\"Specimen\",\"id\":\"s1\"}],\"status\"", StringComparison.Ordinal) },

        // Shapes FHIR's rules must judge.
        { "no code", HeartRate.Replace("\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\",\"display\":\"Heart rate\"}]},", string.Empty, StringComparison.Ordinal) },
        { "a code of text alone", HeartRate.Replace("\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\",\"display\":\"Heart rate\"}]}", "\"code\":{\"text\":\"MRD\"}", StringComparison.Ordinal) },
        { "a code whose codings have no code", HeartRate.Replace("\"code\":\"8867-4\",", string.Empty, StringComparison.Ordinal) },
        { "code as an array", HeartRate.Replace("\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\",\"display\":\"Heart rate\"}]}", "\"code\":[{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\"}]}]", StringComparison.Ordinal) },
        { "a code that is a number", HeartRate.Replace("\"code\":\"8867-4\"", "\"code\":8867", StringComparison.Ordinal) },
        { "a coding with two codes", HeartRate.Replace("\"code\":\"8867-4\"", "\"code\":\"8867-4\",\"code\":\"6690-2\"", StringComparison.Ordinal) },
        { "malformed JSON", HeartRate[..^1] },
        { "something after the object", HeartRate + "{}" },
        { "a trailing comma", HeartRate.Replace("}}", "},}", StringComparison.Ordinal) },
        { "an id FHIR does not allow", HeartRate.Replace("obs-hr", "obs hr", StringComparison.Ordinal) },
        { "lastUpdated without a zone", HeartRate.Replace("\"status\"", "\"meta\":{\"lastUpdated\":\"2024-01-10T09:00:00\"},\"status\"", StringComparison.Ordinal) },
        { "lastUpdated on a day that does not exist", HeartRate.Replace("\"status\"", "\"meta\":{\"lastUpdated\":\"2024-02-30T09:00:00Z\"},\"status\"", StringComparison.Ordinal) },
        { "lastUpdated with eight fraction digits", HeartRate.Replace("\"status\"", "\"meta\":{\"lastUpdated\":\"2024-01-10T09:00:00.12345678Z\"},\"status\"", StringComparison.Ordinal) },
        { "another resourceType than the line was taken for", HeartRate.Replace("\"Observation\"", "\"Condition\"", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(Doubtful))]
    public void TryRecognise_AnyDoubt_LeftToTheParser(string why, string line)
    {
        // The type the line was classified as (by its first resourceType): what the reader hands over.
        var type = line.StartsWith("{\"resourceType\":\"Condition\"", StringComparison.Ordinal) && !why.StartsWith("another", StringComparison.Ordinal) ? "Condition"
            : line.StartsWith("{\"resourceType\":\"MedicationAdministration\"", StringComparison.Ordinal) ? "MedicationAdministration"
            : "Observation";

        Assert.False(Mapper.IrrelevantLines.TryRecognise(Encoding.UTF8.GetBytes(line), type, out _), why);
    }

    [Theory]
    [InlineData("Patient")]
    [InlineData("DiagnosticReport")]
    [InlineData("Medication")]
    [InlineData("Encounter")]
    public void TryRecognise_OtherTypes_NeverRecognised(string type)
    {
        Assert.False(Mapper.IrrelevantLines.TryRecognise(Encoding.UTF8.GetBytes(HeartRate.Replace("\"Observation\"", $"\"{type}\"", StringComparison.Ordinal)), type, out _));
    }

    [Fact]
    public void TryRecognise_EveryLineOfTheSampleExportAndEverySample_RecognisedOnlyWhenTheMapperFindsItIrrelevant()
    {
        var lines = Directory.EnumerateFiles(RepositoryPaths.SampleExport, "*.ndjson").SelectMany(File.ReadLines)
            .Concat(Directory.EnumerateFiles(FhirSamples.PathOf(string.Empty), "*.json", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith("manifest.json", StringComparison.Ordinal) && !f.EndsWith("conceptmap-site.json", StringComparison.Ordinal))
                .Select(f => JsonNode.Parse(File.ReadAllText(f))!.ToJsonString()))
            .Concat([SyntheaBodyWeight, SyntheaBloodPressure, SyntheaSinusitis, SyntheaCefuroxime])
            .Where(l => l.Length > 0)
            .ToList();

        var recognised = 0;
        foreach (var line in lines)
        {
            if (Mapper.IrrelevantLines.TryRecognise(Encoding.UTF8.GetBytes(line), TypeOf(line), out var record))
            {
                recognised++;
                AssertSameAsParsed(line, record);
            }
        }

        // The sample export's noise: 122 heart rates, 122 paracetamol doses, 61 pneumonias (and the four Synthea shapes).
        Assert.True(recognised >= 305, $"{recognised} of {lines.Count} lines recognised");
    }

    private static IrrelevantRecord Recognised(string line)
    {
        Assert.True(Mapper.IrrelevantLines.TryRecognise(Encoding.UTF8.GetBytes(line), TypeOf(line), out var record));
        return record;
    }

    // The parse and the mapping the line would have had: irrelevant, and the same id, lastUpdated and patient.
    private static void AssertSameAsParsed(string line, IrrelevantRecord record)
    {
        var resource = JsonSerializer.Deserialize<Resource>(line, FhirJson.Options)!;
        Assert.IsType<IrrelevantResource>(Mapper.Map(resource, "test.ndjson:1"));
        Assert.Equal(resource.TypeName, record.ResourceType);
        Assert.Equal(resource.Id, record.Id);
        Assert.Equal(resource.Meta?.LastUpdated?.UtcTicks, record.LastUpdatedUtcTicks);
        var subject = resource switch
        {
            Observation o => o.Subject,
            Condition c => c.Subject,
            MedicationAdministration m => m.Subject,
            _ => null,
        };
        Assert.Equal(subject?.Reference is { } reference ? PatientOf(reference) : null, record.PatientId);
    }

    private static string? PatientOf(string reference)
    {
        var parts = reference.Split('/');
        return parts.Length >= 2 && parts[^2] == "Patient" ? parts[^1] : null;
    }

    private static string TypeOf(string line) => JsonNode.Parse(line)?["resourceType"]?.GetValue<string>() ?? string.Empty;
}
