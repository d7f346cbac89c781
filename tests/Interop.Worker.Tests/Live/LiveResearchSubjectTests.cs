using Hl7.Fhir.Model;
using Interop.Testing;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Tests.Live;

/// <summary>ResearchSubject write-back in live mode (issue 5, item 3): when configured and the EHR takes it.</summary>
public sealed class LiveResearchSubjectTests
{
    [Fact]
    public async Task Enabled_Sync_WritesOneResearchSubjectPerEvaluatedPatientThenRerunWritesNone()
    {
        await using var ehr = await LiveEhr.StartAsync();
        ehr.WriteResearchSubject = true;

        var first = await ehr.SyncAsync();

        Assert.Equal(0, first.PatientsFailed);
        Assert.Equal(first.PatientsEvaluated, await ehr.CountAsync("ResearchSubject"));
        Assert.Equal(first.PatientsEvaluated, first.OutcomeChanges!["research-subject"].New);
        var expected = SampleExpectations.Load().First(p => p.Verdict == "ineligible" && p.CourseState == "not-started" && p.OsStatus is null);
        var subjects = await ehr.GetAsync<Bundle>(
            $"ResearchSubject?identifier={LiveEhr.OutcomeSystem}|blinfant/research-subject/{expected.PatientId}");
        var subject = Assert.IsType<ResearchSubject>(Assert.Single(subjects.Entry).Resource);
        Assert.Equal(ResearchSubject.ResearchSubjectStatus.Ineligible, subject.Status);
        Assert.Equal("ResearchStudy/blinfant", subject.Study.Reference);
        Assert.Equal("Patient/" + expected.PatientId, subject.Individual.Reference);

        var second = await ehr.SyncAsync();

        Assert.Equal(0, second.OutcomesWritten);
        Assert.Equal(first.PatientsEvaluated, await ehr.CountAsync("ResearchSubject"));
    }
}
