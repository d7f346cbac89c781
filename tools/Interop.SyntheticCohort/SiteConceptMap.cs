using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Interop.SyntheticCohort;

/// <summary>The sample site's ConceptMap: its local lab codes to the adapter's input concepts.</summary>
internal static class SiteConceptMap
{
    private static readonly (string Local, string Display, string Input)[] Elements =
    [
        (Codes.BmBlast, "Blasts in bone marrow (%)", "bm-blasts-percent"),
        (Codes.MrdPcr, "Minimal residual disease by PCR", "mrd-pcr"),
        (Codes.MrdFlow, "Minimal residual disease by flow cytometry", "mrd-flow"),
        (Codes.Cd19Blasts, "CD19 on leukemic blasts", "cd19-blasts"),
        (Codes.CsfWbc, "White cells in cerebrospinal fluid", "csf-wbc"),
        (Codes.NotEvaluable, "Not evaluable", "not-evaluable"),
        (Codes.PositiveNotQuantifiable, "Positive, not quantifiable", "positive-not-quantifiable"),
        (Codes.MrdNegative, "Negative", "negative"),
    ];

    public static ConceptMap Build() => new()
    {
        Id = "sample-site-map",
        Url = "http://hospital.example.org/ConceptMap/sample-site-map",
        Name = "SampleSiteMap",
        Title = "Sample site: local lab codes to BlinFant input concepts",
        Status = PublicationStatus.Active,
        Description = "Maps the synthetic sample hospital's local lab codes (samples/blinfant-export) to the BlinFant adapter's input concepts.",
        Group =
        [
            new ConceptMap.GroupComponent
            {
                Source = Codes.LocalLab,
                Target = Codes.BlinfantInput,
                Element = [.. Elements.Select(e => new ConceptMap.SourceElementComponent
                {
                    Code = e.Local,
                    Display = e.Display,
                    Target = [new ConceptMap.TargetElementComponent { Code = e.Input, Equivalence = ConceptMapEquivalence.Equivalent }],
                })],
            },
        ],
    };

    /// <summary>Indented JSON with '\n' line endings and a final newline.</summary>
    public static string ToJson()
    {
        var options = new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" }.ForFhir(ModelInfo.ModelInspector);
        return JsonSerializer.Serialize<Resource>(Build(), options) + "\n";
    }

    public static System.Threading.Tasks.Task WriteAsync(string path, CancellationToken ct) =>
        File.WriteAllTextAsync(path, ToJson(), new UTF8Encoding(false), ct);
}
