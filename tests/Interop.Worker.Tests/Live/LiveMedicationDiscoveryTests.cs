using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;
using Interop.Testing;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Tests.Live;

/// <summary>
/// Live candidate discovery of blinatumomab given through a referenced Medication (issue 9, item 3): the 'code' search on
/// MedicationAdministration reads medicationCodeableConcept only, so a patient whose administrations reference a Medication
/// coded only by its ingredient (or by a Substance) must be found through the Medication. The local server (Medplum) does
/// not honour _include, so the reader's own reads of the referenced Medication and Substance are exercised too.
/// </summary>
public sealed class LiveMedicationDiscoveryTests
{
    [Fact]
    public async Task Sync_BlinatumomabOnlyViaIngredientCodedMedication_PatientFoundAndCourseWritten()
    {
        await using var ehr = await LiveEhr.StartAsync(load: false);
        await ehr.PostAsync(Transaction(
            Sample("Mapping/medication-blinatumomab-formulary-ingredient.json"),
            Patient("ingr-1"),
            Bag("ingr-1-bag-1", "ingr-1", "Medication/med-blina-formulary", "2024-02-01T08:00:00+01:00", "2024-02-02T08:00:00+01:00"),
            Bag("ingr-1-bag-2", "ingr-1", "Medication/med-blina-formulary", "2024-02-02T08:00:00+01:00", "2024-02-03T08:00:00+01:00")));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var report = await ehr.SyncAsync();

        Assert.Equal(0, report.PatientsFailed);
        Assert.Empty(report.Quarantined);
        var course = Assert.Single(await ehr.OutcomesAsync(), o => o.Identifier[0].Value == "blinfant/blinatumomab-course/ingr-1");
        Assert.Equal("discontinued-other", Assert.IsType<CodeableConcept>(course.Value).Coding[0].Code);
        var days = Assert.IsType<Quantity>(course.Component.Single(c => c.Code.Coding[0].Code == "infusion-days").Value);
        Assert.Equal(2m, days.Value);
    }

    [Fact]
    public async Task Sync_BlinatumomabOnlyViaSubstance_PatientFoundAndSubstanceRead()
    {
        await using var ehr = await LiveEhr.StartAsync(load: false);
        await ehr.PostAsync(Transaction(
            Sample("Mapping/substance-blinatumomab.json"),
            Sample("Mapping/medication-blinatumomab-substance-reference.json"),
            new Substance { Id = "sub-sodium-chloride", Code = new CodeableConcept("http://snomed.info/sct", "387390002") },
            Patient("subst-1"),
            Bag("subst-1-bag-1", "subst-1", "Medication/med-blina-compound", "2024-03-01T08:00:00+01:00", "2024-03-03T08:00:00+01:00")));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var report = await ehr.SyncAsync();

        Assert.Equal(0, report.PatientsFailed);
        Assert.Empty(report.Quarantined);
        Assert.Contains(await ehr.OutcomesAsync(), o => o.Identifier[0].Value == "blinfant/blinatumomab-course/subst-1");
    }

    private static Resource Sample(string path) => FhirSamples.Load(path);

    private static Patient Patient(string id) => new() { Id = id, BirthDate = "2023-10-01" };

    private static MedicationAdministration Bag(string id, string patient, string medication, string start, string end) => new()
    {
        Id = id,
        Status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
        Medication = new ResourceReference(medication),
        Subject = new ResourceReference("Patient/" + patient),
        Effective = new Period(new FhirDateTime(start), new FhirDateTime(end)),
        Dosage = new MedicationAdministration.DosageComponent
        {
            Rate = new Quantity { Value = 10, Unit = "mL/h", System = "http://unitsofmeasure.org", Code = "mL/h" },
        },
    };

    private static Bundle Transaction(params Resource[] resources)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        foreach (var resource in resources)
        {
            // Round-trip so that each resource is a fresh copy, as the server would store it.
            var copy = JsonSerializer.Deserialize<Resource>(JsonSerializer.Serialize(resource, FhirJson.Options), FhirJson.Options)!;
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                Resource = copy,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{copy.TypeName}/{copy.Id}" },
            });
        }

        return bundle;
    }
}
