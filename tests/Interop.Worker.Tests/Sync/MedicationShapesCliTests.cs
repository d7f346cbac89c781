using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;
using Interop.Worker.Tests.EndToEnd;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Tests.Sync;

/// <summary>
/// End to end (issue 9, items 3 and 4): a sample patient's blinatumomab course (p001: four 7-day bags, dose in micrograms)
/// re-expressed the way pharmacy systems record it gives the same course outcome as the canonical record, or is flagged
/// with warnings naming the patient: never a different course in silence.
/// </summary>
public sealed class MedicationShapesCliTests
{
    private const string PatientId = "p001";
    private const string FormularyMedication = "Mapping/medication-blinatumomab-formulary-ingredient.json";

    // The canonical record's run, once for the class (each test compares its variant with it).
    private static readonly Lazy<Task<Run>> Canonical = new(() => RunAsync(_ => { }));

    [Fact]
    public async Task Sync_IngredientCodedFormularyProduct_SameCourseOutcomeAsCanonicalNoWarning()
    {
        var canonical = await Canonical.Value;
        var variant = await RunAsync(a => a.Medication = new ResourceReference("Medication/med-blina-formulary"), FhirSamples.Load(FormularyMedication));

        Assert.Equal(Json(canonical.Course), Json(variant.Course));
        Assert.Empty(variant.Warnings);
    }

    [Fact]
    public async Task Sync_ProductWhoseIngredientIsASubstanceOfTheExport_SameCourseOutcomeAsCanonical()
    {
        var canonical = await Canonical.Value;
        var variant = await RunAsync(
            a => a.Medication = new ResourceReference("Medication/med-blina-compound"),
            FhirSamples.Load("Mapping/medication-blinatumomab-substance-reference.json"),
            FhirSamples.Load("Mapping/substance-blinatumomab.json"),
            new Substance { Id = "sub-sodium-chloride", Code = new CodeableConcept("http://snomed.info/sct", "387390002") });

        Assert.Equal(Json(canonical.Course), Json(variant.Course));
        Assert.Empty(variant.Warnings);
    }

    [Fact]
    public async Task Sync_RateBasedDosing_SameCourseOutcomeAsCanonicalNoWarning()
    {
        var canonical = await Canonical.Value;
        var variant = await RunAsync(AsRate);

        Assert.Equal(Json(canonical.Course), Json(variant.Course));
        Assert.Empty(variant.Warnings);
    }

    [Fact]
    public async Task Sync_BagsAsEffectiveDateTime_SameStateDaysDoseAndInterruptionsEachBagFlagged()
    {
        var canonical = await Canonical.Value;
        var variant = await RunAsync(AsPointInTime);

        Assert.Equal(Summary(canonical.Course), Summary(variant.Course));
        Assert.Equal(4, variant.Warnings.Count(w => w is { Rule: "infusion-end-not-recorded", PatientId: PatientId }));
    }

    [Fact]
    public async Task Sync_IngredientProductRateAndPointInTimeTogether_SameStateAndDaysDoseSaidUnknownAndFlagged()
    {
        var canonical = await Canonical.Value;
        var variant = await RunAsync(
            a =>
            {
                a.Medication = new ResourceReference("Medication/med-blina-formulary");
                AsRate(a);
                AsPointInTime(a);
            },
            FhirSamples.Load(FormularyMedication));

        Assert.Equal(Summary(canonical.Course) with { Dose = null }, Summary(variant.Course));
        var dose = variant.Course.Component.Single(c => c.Code.Coding[0].Code == "cumulative-dose");
        Assert.Equal("unknown", Assert.IsType<CodeableConcept>(dose.DataAbsentReason).Coding[0].Code);
        Assert.Contains(variant.Warnings, w => w is { Rule: "cumulative-dose-unknown", PatientId: PatientId });
        Assert.Contains(variant.Warnings, w => w is { Rule: "infusion-end-not-recorded", PatientId: PatientId });
    }

    [Fact]
    public async Task Sync_UnmappedLocalCodeNamedBlincyto_CourseNotCountedButWarningNamesPatient()
    {
        var variant = await RunAsync(a =>
        {
            var local = new CodeableConcept("http://hospital.example.org/CodeSystem/formulary", "ONC-0417") { Text = "BLINCYTO bag" };
            a.Medication = local;
        });

        Assert.Equal(ExitCodes.Success, variant.ExitCode);
        var warnings = variant.Warnings.Where(w => w.Rule == "unmapped-blinatumomab-like-medication").ToList();
        Assert.Equal(4, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(PatientId, w.PatientId));
        Assert.DoesNotContain("BLINCYTO", variant.Report, StringComparison.Ordinal);
    }

    // 43 ug over a 7-day bag as "43 ug per 168 h": the same amount, given as a rate over the recorded period.
    private static void AsRate(MedicationAdministration a)
    {
        var period = Assert.IsType<Period>(a.Effective);
        var hours = (decimal)(Instant(period.End) - Instant(period.Start)).TotalHours;
        var dosage = a.Dosage!;
        dosage.Rate = new Ratio(Ucum(dosage.Dose!.Value!.Value, "ug"), Ucum(hours, "h"));
        dosage.Dose = null;
    }

    private static void AsPointInTime(MedicationAdministration a) => a.Effective = new FhirDateTime(Assert.IsType<Period>(a.Effective).Start);

    private static DateTimeOffset Instant(string? value) => DateTimeOffset.Parse(value!, System.Globalization.CultureInfo.InvariantCulture);

    private static Quantity Ucum(decimal value, string code) => new() { Value = value, Unit = code, System = "http://unitsofmeasure.org", Code = code };

    private static string Json(Observation observation) => JsonSerializer.Serialize(observation, FhirJson.Options);

    private static CourseSummary Summary(Observation course)
    {
        decimal? Quantity(string code) => (course.Component.Single(c => c.Code.Coding[0].Code == code).Value as Quantity)?.Value;
        var interruptions = Assert.IsType<Integer>(course.Component.Single(c => c.Code.Coding[0].Code == "interruptions").Value);
        return new(WrittenOutcomes.CodedValue(course), Quantity("infusion-days"), Quantity("cumulative-dose"), interruptions.Value, Assert.IsType<Period>(course.Effective).Start);
    }

    /// <summary>Runs the CLI over p001's records alone, with each blinatumomab administration changed by <paramref name="change"/>.</summary>
    private static async Task<Run> RunAsync(Action<MedicationAdministration> change, params Resource[] extra)
    {
        using var work = new TempFolder();
        var export = work.Combine("export");
        Directory.CreateDirectory(export);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SampleExport, "*.ndjson"))
        {
            var lines = new List<string>();
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                var resource = JsonSerializer.Deserialize<Resource>(line, FhirJson.Options)!;
                if (!Belongs(resource))
                {
                    continue;
                }

                if (resource is MedicationAdministration { Id: { } id } a && id.Contains("-blina-", StringComparison.Ordinal))
                {
                    change(a);
                }

                lines.Add(JsonSerializer.Serialize(resource, FhirJson.Options));
            }

            await File.WriteAllLinesAsync(Path.Combine(export, Path.GetFileName(file)), lines);
        }

        await File.WriteAllLinesAsync(Path.Combine(export, "Medication.ndjson"), extra.Select(r => JsonSerializer.Serialize(r, FhirJson.Options)));
        var output = work.Combine("out");
        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", export, "--out", output, "--site-map", RepositoryPaths.SampleSiteMap, "--as-of", "2026-06-01"]);
        Assert.True(result.ExitCode == ExitCodes.Success, result.Output + result.Error);
        var report = await File.ReadAllTextAsync(Path.Combine(output, FileSyncRunner.ReportFileName));
        var warnings = JsonDocument.Parse(report).RootElement.GetProperty("warnings").EnumerateArray()
            .Select(w => new Warning(w.GetProperty("rule").GetString()!, w.GetProperty("patientId").GetString()))
            .ToList();
        return new Run(result.ExitCode, new WrittenOutcomes(output).Find(PatientId, "blinatumomab-course")!, warnings, report);
    }

    private static bool Belongs(Resource resource) => resource switch
    {
        Hl7.Fhir.Model.Patient p => p.Id == PatientId,
        Condition c => c.Subject?.Reference == "Patient/" + PatientId,
        Observation o => o.Subject?.Reference == "Patient/" + PatientId,
        MedicationAdministration m => m.Subject?.Reference == "Patient/" + PatientId,
        _ => false,
    };

    private sealed record Run(int ExitCode, Observation Course, IReadOnlyList<Warning> Warnings, string Report);

    private sealed record Warning(string Rule, string? PatientId);

    private sealed record CourseSummary(string? State, decimal? Days, decimal? Dose, int? Interruptions, string? Start);
}
