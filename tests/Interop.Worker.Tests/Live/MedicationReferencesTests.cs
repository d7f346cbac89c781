using Hl7.Fhir.Model;
using Interop.Sync.Live;

namespace Interop.Worker.Tests.Live;

public sealed class MedicationReferencesTests
{
    [Fact]
    public void Missing_ReferencedMedicationAndIngredientsNotRead_ListedOnceInOrder()
    {
        var references = new MedicationReferences();
        var administration = new MedicationAdministration { Medication = new ResourceReference("Medication/m2") };
        var contained = new Medication { Id = "bag" };
        contained.Ingredient.Add(new Medication.IngredientComponent { Item = new ResourceReference("Substance/s1") });
        contained.Ingredient.Add(new Medication.IngredientComponent { Item = new ResourceReference("#local") });
        administration.Contained.Add(contained);
        var read = new Medication { Id = "m1" };
        read.Ingredient.Add(new Medication.IngredientComponent { Item = new ResourceReference("https://ehr.example.org/fhir/Medication/m3/_history/2") });
        read.Ingredient.Add(new Medication.IngredientComponent { Item = new ResourceReference("Substance/bad id") });

        references.Note(administration);
        references.Note(read);
        references.Note(new MedicationAdministration { Medication = new ResourceReference("Medication/m1") });

        Assert.Equal(["Medication/m2", "Medication/m3", "Substance/s1"], references.Missing());
    }
}
