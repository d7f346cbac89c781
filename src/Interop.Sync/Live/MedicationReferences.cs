using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Interop.Sync.Live;

/// <summary>
/// The Medications and Substances one candidate's records reference (medicationReference, and a Medication's
/// ingredient.itemReference) against those already read: what is still to be fetched. Keys are <c>Type/id</c>.
/// </summary>
internal sealed partial class MedicationReferences
{
    private readonly HashSet<string> _wanted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _have = new(StringComparer.Ordinal);

    /// <summary>Records what <paramref name="resource"/> is and what it references.</summary>
    public void Note(Resource resource)
    {
        switch (resource)
        {
            case MedicationAdministration { Medication: ResourceReference reference } administration:
                Want(reference, "Medication");
                foreach (var contained in administration.Contained.OfType<Medication>())
                {
                    WantIngredients(contained);
                }

                break;
            case Medication medication:
                Have($"Medication/{medication.Id}");
                WantIngredients(medication);
                break;
            case Substance substance:
                Have($"Substance/{substance.Id}");
                break;
        }
    }

    public void Have(string key) => _have.Add(key);

    /// <summary>Referenced and not read yet, in a stable order.</summary>
    public IEnumerable<string> Missing() => _wanted.Where(k => !_have.Contains(k)).Order(StringComparer.Ordinal);

    private void WantIngredients(Medication medication)
    {
        foreach (var ingredient in medication.Ingredient)
        {
            if (ingredient.Item is ResourceReference item)
            {
                Want(item, "Substance");
                Want(item, "Medication");
            }
        }
    }

    // Only a literal Type/id (relative, absolute or versioned) with an id the server could have; '#id' is contained.
    private void Want(ResourceReference reference, string type)
    {
        var parts = reference.Reference?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var history = Array.IndexOf(parts, "_history");
        var end = history >= 0 ? history : parts.Length;
        if (end >= 2 && parts[end - 2] == type && IdPattern().IsMatch(parts[end - 1]))
        {
            _wanted.Add($"{type}/{parts[end - 1]}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9.-]{1,64}$")]
    private static partial Regex IdPattern();
}
