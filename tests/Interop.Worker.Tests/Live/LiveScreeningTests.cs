using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Tests.Live;

/// <summary>Live discovery of patients screened by a trial-specific result alone (issue 9, item 7).</summary>
public sealed class LiveScreeningTests
{
    [Fact]
    public async Task MarrowResultWithoutAllDiagnosis_FirstSync_FoundAndEvaluatedUndetermined()
    {
        await using var ehr = await LiveEhr.StartAsync();
        var load = new Bundle { Type = Bundle.BundleType.Transaction };
        Put(load, new Patient { Id = "work-up-only", BirthDate = "2025-11-02" });
        Put(load, new Observation
        {
            Id = "work-up-only-bm",
            Status = ObservationStatus.Final,
            Code = new CodeableConcept("http://hospital.example.org/CodeSystem/lab-local", "BMBLAST"),
            Subject = new ResourceReference("Patient/work-up-only"),
            Effective = new FhirDateTime("2026-01-19T10:00:00+01:00"),
            Value = new Quantity { Value = 91m, Unit = "%", System = "http://unitsofmeasure.org", Code = "%" },
        });
        await ehr.PostAsync(load);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the sync's clock-skew margin

        var report = await ehr.SyncAsync();

        Assert.Equal(0, report.PatientsFailed);
        var eligibility = Assert.Single(await ehr.OutcomesAsync(), o => o.Identifier[0].Value == "blinfant/eligibility/work-up-only");
        Assert.Equal("undetermined", Assert.IsType<CodeableConcept>(eligibility.Value).Coding[0].Code);
    }

    private static void Put(Bundle bundle, Resource resource) => bundle.Entry.Add(new Bundle.EntryComponent
    {
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{resource.TypeName}/{resource.Id}" },
    });
}
