using Interop.Fhir.Terminology;
using Interop.Testing;
using Interop.Sync.Bulk;

namespace Interop.Worker.Tests.Live;

/// <summary>
/// The first read of a staged Bulk export: the candidates it screens by the candidate codes (the same as REST discovery),
/// the patients its relevant records touch, how Patients link, and what it sets aside without naming a patient.
/// </summary>
public sealed class BulkExportScanTests
{
    private static readonly TerminologyMap Map = TerminologyMap.Load([RepositoryPaths.SampleSiteMap]);

    [Fact]
    public async System.Threading.Tasks.Task Scan_ScreensByDiagnosisBlinatumomabAndTrialResults_NotByOtherRecords()
    {
        using var folder = new TempFolder();
        var diagnosis = Token(InputConcept.BcpAll);
        var blinatumomab = Token(InputConcept.Blinatumomab);
        var mrd = Token(InputConcept.MrdPcr);
        var wbc = Token(InputConcept.Wbc);
        folder.Write("Condition.ndjson", [Line("Condition", "c1", "a", "code", diagnosis), Line("Condition", "c2", "b", "code", ("http://snomed.info/sct", "38341003"))]);
        folder.Write("MedicationAdministration.ndjson", [
            Line("MedicationAdministration", "m1", "c", "medicationCodeableConcept", blinatumomab),
            """{"resourceType":"MedicationAdministration","id":"m2","status":"completed","subject":{"reference":"Patient/d"},"effectiveDateTime":"2026-01-01","contained":[{"resourceType":"Medication","id":"med","code":{"coding":[{"system":"http://example.org/formulary","code":"X1"}]},"ingredient":[{"itemCodeableConcept":{"coding":[{"system":"SYS","code":"CODE"}]}}]}],"medicationReference":{"reference":"#med"}}"""
                .Replace("\"system\":\"SYS\",\"code\":\"CODE\"", $"\"system\":\"{blinatumomab.System}\",\"code\":\"{blinatumomab.Code}\"", StringComparison.Ordinal)]);
        folder.Write("Observation.ndjson", [
            Line("Observation", "o1", "e", "code", mrd), Line("Observation", "o2", "f", "code", wbc), Line("Observation", "o3", "g", "code", ("http://loinc.org", "8867-4"))]);

        var scan = await BulkExportScan.ScanAsync(folder.Path, Map, CancellationToken.None);

        Assert.Equal(["a", "c", "d", "e"], scan.Screened);
        // A record the rules read touches its patient (a known candidate is re-read); a heart rate does not.
        Assert.Equal(new[] { "a", "b", "c", "d", "e", "f" }.Order(StringComparer.Ordinal), scan.Touched.Order(StringComparer.Ordinal));
        Assert.Equal(7, scan.ResourcesScanned);
        Assert.Empty(scan.Unattributed);
    }

    [Fact]
    public async System.Threading.Tasks.Task Scan_BrokenLineNamingItsPatient_MakesThePatientACandidate_OneNamingNobodyIsSetAside()
    {
        using var folder = new TempFolder();
        folder.Write("Observation.ndjson", [
            """{"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"Patient/h"},"effectiveDateTime":"not a date","code":{"text":"x"}}""",
            "{ this is not json"]);
        folder.Write("Patient.ndjson", ["""{"resourceType":"Patient","id":"k","link":[{"other":{"reference":"Patient/k2"},"type":"replaced-by"}]}"""]);

        var scan = await BulkExportScan.ScanAsync(folder.Path, Map, CancellationToken.None);

        Assert.Contains("h", scan.Screened);
        Assert.Single(scan.Unattributed);
        Assert.Equal(["k2"], scan.Links["k"]);
        Assert.Contains("k", scan.Touched);
    }

    private static (string System, string Code) Token(InputConcept concept)
    {
        var token = Map.TokensFor([concept])[0];
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        return (token[..bar], token[(bar + 1)..]);
    }

    private static string Line(string type, string id, string patient, string element, (string System, string Code) code)
    {
        var coded = $"{{\"coding\":[{{\"system\":\"{code.System}\",\"code\":\"{code.Code}\"}}]}}";
        var status = type == "Condition" ? string.Empty : "\"status\":\"completed\",";
        if (type == "Observation")
        {
            status = "\"status\":\"final\",";
        }

        var when = type == "Condition" ? string.Empty : "\"effectiveDateTime\":\"2026-01-01\",";
        return $"{{\"resourceType\":\"{type}\",\"id\":\"{id}\",{status}{when}\"subject\":{{\"reference\":\"Patient/{patient}\"}},\"{element}\":{coded}}}";
    }
}
