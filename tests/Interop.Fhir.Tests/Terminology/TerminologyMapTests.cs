using Hl7.Fhir.Model;
using Interop.Fhir.Terminology;
using Interop.Testing;

namespace Interop.Fhir.Tests.Terminology;

public class TerminologyMapTests
{
    private const string Input = "https://fhir.blinfant-interop.org/CodeSystem/blinfant-input";
    private static readonly TerminologyMap Defaults = TerminologyMap.Load([]);

    [Theory]
    [InlineData("http://snomed.info/sct", "277571004", InputConcept.BcpAll)]
    [InlineData("http://snomed.info/sct", "277572006", InputConcept.BcpAll)]
    [InlineData("http://snomed.info/sct", "91857003", InputConcept.AllUnspecifiedLineage)]
    [InlineData("http://snomed.info/sct", "301898006", InputConcept.Bsa)]
    [InlineData("http://snomed.info/sct", "281647001", InputConcept.AdverseReaction)]
    [InlineData("http://snomed.info/sct", "10828004", InputConcept.Positive)]
    [InlineData("http://snomed.info/sct", "260385009", InputConcept.Negative)]
    [InlineData("http://hl7.org/fhir/sid/icd-10", "C91.0", InputConcept.AllUnspecifiedLineage)]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "C91.00", InputConcept.AllUnspecifiedLineage)]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "C91.01", InputConcept.AllUnspecifiedLineage)]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "C91.02", InputConcept.AllRelapse)]
    [InlineData("http://terminology.hl7.org/CodeSystem/icd-o-3", "9811/3", InputConcept.BcpAll)]
    [InlineData("http://terminology.hl7.org/CodeSystem/icd-o-3", "9812/3", InputConcept.BcpAll)]
    [InlineData("http://terminology.hl7.org/CodeSystem/icd-o-3", "9813/3", InputConcept.BcpAll)]
    [InlineData("http://terminology.hl7.org/CodeSystem/icd-o-3", "9814/3", InputConcept.BcpAll)]
    [InlineData("http://terminology.hl7.org/CodeSystem/icd-o-3", "9815/3", InputConcept.BcpAll)]
    [InlineData("http://terminology.hl7.org/CodeSystem/icd-o-3", "9816/3", InputConcept.BcpAll)]
    [InlineData("http://terminology.hl7.org/CodeSystem/icd-o-3", "9817/3", InputConcept.BcpAll)]
    [InlineData("http://terminology.hl7.org/CodeSystem/icd-o-3", "9818/3", InputConcept.BcpAll)]
    [InlineData("http://loinc.org", "78219-3", InputConcept.Kmt2aRearrangement)]
    [InlineData("http://loinc.org", "6690-2", InputConcept.Wbc)]
    [InlineData("http://loinc.org", "26464-8", InputConcept.Wbc)]
    [InlineData("http://loinc.org", "30376-8", InputConcept.PbBlastsAbsolute)]
    [InlineData("http://loinc.org", "35068-6", InputConcept.CsfBlasts)]
    [InlineData("http://loinc.org", "8277-6", InputConcept.Bsa)]
    [InlineData("http://loinc.org", "LA9633-4", InputConcept.Positive)]
    [InlineData("http://loinc.org", "LA9634-2", InputConcept.Negative)]
    [InlineData("http://loinc.org", "LA11882-0", InputConcept.Positive)]
    [InlineData("http://loinc.org", "LA11883-8", InputConcept.Negative)]
    [InlineData("http://loinc.org", "LA6576-8", InputConcept.Positive)]
    [InlineData("http://loinc.org", "LA6577-6", InputConcept.Negative)]
    [InlineData("http://snomed.info/sct", "260373001", InputConcept.Positive)]
    [InlineData("http://snomed.info/sct", "260415000", InputConcept.Negative)]
    [InlineData("http://www.whocc.no/atc", "L01FX07", InputConcept.Blinatumomab)]
    [InlineData("http://www.whocc.no/atc", "L01XC19", InputConcept.Blinatumomab)]
    [InlineData("http://www.whocc.no/atc", "H02AB07", InputConcept.InductionDrug)]
    [InlineData("http://www.whocc.no/atc", "H02AB06", InputConcept.InductionDrug)]
    [InlineData("http://www.whocc.no/atc", "H02AB02", InputConcept.InductionDrug)]
    [InlineData("http://www.whocc.no/atc", "L01CA02", InputConcept.InductionDrug)]
    [InlineData("http://www.whocc.no/atc", "L01DB02", InputConcept.InductionDrug)]
    [InlineData("http://www.whocc.no/atc", "L01BC01", InputConcept.InductionDrug)]
    [InlineData("http://www.whocc.no/atc", "L01XX02", InputConcept.InductionDrug)]
    [InlineData("http://www.whocc.no/atc", "L01XX24", InputConcept.InductionDrug)]
    [InlineData("http://www.whocc.no/atc", "L01BA01", InputConcept.InductionDrug)]
    [InlineData("http://www.nlm.nih.gov/research/umls/rxnorm", "1597262", InputConcept.Blinatumomab)]
    [InlineData("http://www.nlm.nih.gov/research/umls/rxnorm", "1597267", InputConcept.Blinatumomab)]
    [InlineData("http://snomed.info/sct", "716122004", InputConcept.Blinatumomab)] // the substance: "to confirm" in the contract, confirmed (profiles/terminology/README.md)
    public void Resolve_DefaultCode_MapsToConcept(string system, string code, InputConcept expected)
    {
        Assert.Equal(expected, Defaults.Resolve(system, code));
    }

    [Fact]
    public void Load_NoSiteMaps_HasExactlyTheDocumentedDefaults()
    {
        Assert.Equal(47, Defaults.Count);
    }

    [Theory]
    [InlineData("http://snomed.info/sct", "999999")]
    [InlineData("http://loinc.org", "277571004")]
    [InlineData(null, "277571004")]
    [InlineData("http://snomed.info/sct", null)]
    public void Resolve_UnmappedCode_Null(string? system, string? code)
    {
        Assert.Null(Defaults.Resolve(system, code));
    }

    [Theory]
    [InlineData("mrd-flow", InputConcept.MrdFlow)]
    [InlineData("positive-not-quantifiable", InputConcept.PositiveNotQuantifiable)]
    [InlineData("csf-wbc", InputConcept.CsfWbc)]
    public void Resolve_InputSystemCoding_Identity(string code, InputConcept expected)
    {
        Assert.Equal(expected, Defaults.Resolve(Input, code));
    }

    [Fact]
    public void Resolve_CodeableConcept_FirstCodingThatResolves()
    {
        var concept = new CodeableConcept();
        concept.Coding.Add(new Coding("http://hospital.example.org/local", "X1"));
        concept.Coding.Add(new Coding("http://loinc.org", "6690-2"));
        concept.Coding.Add(new Coding("http://loinc.org", "8277-6"));

        Assert.Equal(InputConcept.Wbc, Defaults.Resolve(concept));
        Assert.Null(Defaults.Resolve((CodeableConcept?)null));
    }

    [Fact]
    public void Load_SiteMap_AddsLocalCodesAndOverridesDefault()
    {
        var map = TerminologyMap.Load([FhirSamples.PathOf("Mapping/conceptmap-site.json")]);

        Assert.Equal(InputConcept.MrdPcr, map.Resolve("http://hospital.example.org/CodeSystem/lab-local", "MRDPCR"));
        Assert.Equal(InputConcept.NotEvaluable, map.Resolve("http://hospital.example.org/CodeSystem/lab-local", "NEVAL"));
        Assert.Equal(InputConcept.BcpAll, map.Resolve("http://snomed.info/sct", "91857003")); // default was all-unspecified-lineage
        Assert.Equal(InputConcept.BcpAll, map.Resolve("http://snomed.info/sct", "277571004"));
        Assert.Equal(47 + 8, map.Count);
    }

    [Fact]
    public void Load_LaterSiteMap_OverridesEarlier()
    {
        using var folder = new TempFolder();
        var second = folder.Combine("second.json");
        File.WriteAllText(second, SiteMap("http://hospital.example.org/CodeSystem/lab-local", "MRDPCR", "mrd"));

        var map = TerminologyMap.Load([FhirSamples.PathOf("Mapping/conceptmap-site.json"), second]);

        Assert.Equal(InputConcept.Mrd, map.Resolve("http://hospital.example.org/CodeSystem/lab-local", "MRDPCR"));
    }

    [Fact]
    public void Load_WrongGroupTarget_ErrorNamesFileAndElement()
    {
        var ex = LoadBad("wrong-target.json", SiteMap("http://local", "A", "mrd", target: "http://example.org/other"));

        Assert.Contains("wrong-target.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("group[0].target must be " + Input, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTargetCode_ErrorNamesCode()
    {
        var ex = LoadBad("unknown.json", SiteMap("http://local", "A", "mrd-ngs"));

        Assert.Contains("unknown.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'mrd-ngs'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("group[0].element[0].target[0].code", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wider")]
    [InlineData("equal")]
    [InlineData("inexact")]
    public void Load_NonEquivalentRelationship_Error(string equivalence)
    {
        var ex = LoadBad("inexact.json", SiteMap("http://local", "A", "mrd", equivalence: equivalence));

        Assert.Contains("equivalence must be 'equivalent'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(equivalence, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_ErrorNamesFile()
    {
        var ex = LoadBad("broken.json", "{ this is not json");

        Assert.Contains("site map '", ex.Message, StringComparison.Ordinal);
        Assert.Contains("broken.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotAConceptMap_Error()
    {
        var ex = LoadBad("patient.json", """{ "resourceType": "Patient", "id": "p" }""");

        Assert.Contains("resourceType must be ConceptMap, found Patient", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingSource_Error()
    {
        var json = SiteMap("http://local", "A", "mrd").Replace("\"source\": \"http://local\",", string.Empty, StringComparison.Ordinal);

        var ex = LoadBad("nosource.json", json);

        Assert.Contains("group[0].source", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ErrorNamesFile()
    {
        var ex = Assert.Throws<TerminologyMapException>(() => TerminologyMap.Load(["/nonexistent/site-map.json"]));

        Assert.Contains("/nonexistent/site-map.json", ex.Message, StringComparison.Ordinal);
    }

    private static TerminologyMapException LoadBad(string fileName, string json)
    {
        using var folder = new TempFolder();
        var path = folder.Combine(fileName);
        File.WriteAllText(path, json);
        return Assert.Throws<TerminologyMapException>(() => TerminologyMap.Load([path]));
    }

    private static string SiteMap(string source, string code, string concept, string target = Input, string equivalence = "equivalent") => $$"""
        {
          "resourceType": "ConceptMap",
          "status": "active",
          "group": [ {
            "source": "{{source}}",
            "target": "{{target}}",
            "element": [ { "code": "{{code}}", "target": [ { "code": "{{concept}}", "equivalence": "{{equivalence}}" } ] } ]
          } ]
        }
        """;
}
