using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>
/// Blinatumomab by product or ingredient (issue 9, item 3): a local formulary product is recognised by its ingredient's
/// RxNorm/ATC/SNOMED code, also through a Substance or Medication it references; an unmapped code that looks like
/// blinatumomab by its text is a warning naming the patient; an ingredient the export does not hold is a quarantine.
/// </summary>
public class MedicationShapeTests
{
    private const string UnmappedLike = "unmapped-blinatumomab-like-medication";

    private readonly PatientRecordAssembler _assembler = new(Mapper);

    [Fact]
    public void FormularyProductWithRxNormIngredient_BlinatumomabWithIngredientConcentrationNotTheDiluents()
    {
        var info = MapAs<MedicationInfo>(FhirSamples.Load("Mapping/medication-blinatumomab-formulary-ingredient.json"));

        Assert.Equal(DrugClass.Blinatumomab, info.Drug);
        Assert.Equal(0.025m, info.MicrogramsPerMillilitre); // 6 ug in 240 mL; the sodium chloride's 9 mg/mL is not it
        Assert.Empty(info.IngredientReferences);
    }

    [Fact]
    public void ContainedFormularyProductWithAtcIngredient_BlinatumomabRateFromStrength()
    {
        var a = Assert.Single(MapAs<MappedFacts>(FhirSamples.Load("Mapping/medicationadministration-blina-contained-ingredient.json")).Administrations);

        Assert.Equal(DrugClass.Blinatumomab, a.Drug);
        Assert.Equal(new DoseRate(6m, PerSquareMetre: false), a.Rate); // 10 mL/h x 24 h x 25 ng/mL
    }

    [Fact]
    public void IngredientReferenceToSubstance716122004_ResolvedAsBlinatumomabWithStrength()
    {
        Add("Mapping/medicationadministration-blina-rate-ml-per-hour.json", medicationId: "med-blina-compound");
        Add("Mapping/medication-blinatumomab-substance-reference.json");
        Add("Mapping/substance-blinatumomab.json");
        _assembler.Add(new Substance { Id = "sub-sodium-chloride", Code = Code(Snomed, "387390002") }, "test.ndjson:4");

        var result = _assembler.Complete();

        var a = Assert.Single(Assert.Single(result.Patients).Record.Administrations);
        Assert.Equal(DrugClass.Blinatumomab, a.Drug);
        Assert.Equal(new DoseRate(12m, PerSquareMetre: false), a.Rate); // 240 mL/d x 0.05 ug/mL
        Assert.Empty(result.Quarantined);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void IngredientReferenceToMedication_ResolvedThroughTheChain()
    {
        Add("Mapping/medicationadministration-blina-rate-ml-per-hour.json", medicationId: "med-outer");
        var outer = new Medication { Id = "med-outer", Code = Code("http://hospital.example.org/CodeSystem/formulary", "KIT-1") };
        outer.Ingredient.Add(new Medication.IngredientComponent { Item = new ResourceReference("Medication/med-blina-formulary") });
        _assembler.Add(outer, "test.ndjson:2");
        Add("Mapping/medication-blinatumomab-formulary-ingredient.json");

        var a = Assert.Single(Assert.Single(_assembler.Complete().Patients).Record.Administrations);

        Assert.Equal(DrugClass.Blinatumomab, a.Drug);
        Assert.Equal(new DoseRate(6m, PerSquareMetre: false), a.Rate);
    }

    [Fact]
    public void IngredientReferenceNotInInput_QuarantinedAsCouldBeBlinatumomab()
    {
        Add("Mapping/medicationadministration-blina-rate-ml-per-hour.json", medicationId: "med-blina-compound");
        Add("Mapping/medication-blinatumomab-substance-reference.json");

        var result = _assembler.Complete();

        var q = Assert.Single(result.Quarantined);
        Assert.Equal(("ma-blina-ml-h", "pat-1"), (q.ResourceId, q.PatientId));
        Assert.Contains("Medication.ingredient.itemReference", q.Reason, StringComparison.Ordinal);
        Assert.False(q.OutsideScreening); // it could be blinatumomab: it counts even though nobody else screens the patient
    }

    [Fact]
    public void UnmappedCodeWithBlincytoText_WarningNamingPatientWithoutEchoingText()
    {
        var noted = MapAs<NotedResource>(FhirSamples.Load("Mapping/medicationadministration-unmapped-blincyto-text.json"));

        Assert.Equal(("pat-1", UnmappedLike), (noted.PatientId, noted.Warning.Rule));
        Assert.DoesNotContain("Blincyto", noted.Warning.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("38.5", noted.Warning.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BLINATUMOMAB 35 MCG")]
    [InlineData("blincyto")]
    [InlineData("Pharmacy prep: BlInCyTo bag")]
    public void UnmappedCodeLookingLikeBlinatumomab_MatchedIgnoringCase(string text)
    {
        var code = Code("http://hospital.example.org/CodeSystem/formulary", "X");
        code.Text = text;

        Assert.Equal(UnmappedLike, MapAs<NotedResource>(Administration(code)).Warning.Rule);
    }

    [Fact]
    public void UnmappedCodeOfAnotherDrug_IrrelevantWithoutWarning()
    {
        var code = Code("http://hospital.example.org/CodeSystem/formulary", "X");
        code.Text = "Paracetamol 120 mg";

        Assert.IsType<IrrelevantResource>(Map(Administration(code)));
    }

    [Fact]
    public void SiteNamesConfigured_ReplaceDefaults()
    {
        var mapper = new FhirFactMapper(SiteMap, Amsterdam, new ReadingOptions { BlinatumomabNames = ["AMG 103"] });
        var code = Code("http://hospital.example.org/CodeSystem/formulary", "X");
        code.Text = "amg 103 study drug";
        var blincyto = Code("http://hospital.example.org/CodeSystem/formulary", "Y");
        blincyto.Text = "Blincyto";

        Assert.IsType<NotedResource>(mapper.Map(Administration(code), "test.ndjson:1"));
        Assert.IsType<IrrelevantResource>(mapper.Map(Administration(blincyto), "test.ndjson:2"));
    }

    [Fact]
    public void ReferencedMedicationUnmappedWithBlincytoDisplay_WarningForThePatient()
    {
        Add("Mapping/medicationadministration-blina-rate-ml-per-hour.json", medicationId: "med-blincyto-local");
        Add("Mapping/medication-local-code-blincyto-text.json");

        var result = _assembler.Complete();

        Assert.Empty(result.Patients);
        Assert.Empty(result.Quarantined);
        var w = Assert.Single(result.Warnings);
        Assert.Equal(("ma-blina-ml-h", "pat-1", UnmappedLike), (w.ResourceId, w.PatientId, w.Rule));
        Assert.DoesNotContain("BLINCYTO", w.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferencedMedicationUnmappedButReferenceDisplayNamesBlinatumomab_Warning()
    {
        Add("Mapping/medicationadministration-blina-rate-ml-per-hour.json", medicationId: "paracetamol-like", display: "Blinatumomab bag");
        _assembler.Add(new Medication { Id = "paracetamol-like", Code = Code("http://hospital.example.org/CodeSystem/formulary", "Z") }, "test.ndjson:2");

        Assert.Equal(UnmappedLike, Assert.Single(_assembler.Complete().Warnings).Rule);
    }

    [Fact]
    public void ContainedIngredientReferenceNotThere_Quarantined()
    {
        var administration = FhirSamples.Load<MedicationAdministration>("Mapping/medicationadministration-blina-contained-ingredient.json");
        var bag = (Medication)administration.Contained[0];
        bag.Ingredient[0].Item = new ResourceReference("#missing");

        var q = MapAs<QuarantinedResource>(administration);

        Assert.True(q.CouldScreen);
        Assert.Contains("ingredient", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Substance716122004_IsBlinatumomabInTheDefaults() =>
        Assert.Equal(DrugClass.Blinatumomab, MapAs<SubstanceInfo>(FhirSamples.Load("Mapping/substance-blinatumomab.json")).Drug);

    private void Add(string sample, string? medicationId = null, string? display = null)
    {
        var resource = FhirSamples.Load(sample);
        if (resource is MedicationAdministration administration && medicationId is not null)
        {
            administration.Medication = new ResourceReference("Medication/" + medicationId, display);
        }

        _assembler.Add(resource, sample);
    }
}
