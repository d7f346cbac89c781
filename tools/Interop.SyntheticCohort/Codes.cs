namespace Interop.SyntheticCohort;

/// <summary>Code systems and codes the generator writes (the adapter's default map and the sample site map recognise them).</summary>
internal static class Codes
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string IcdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    public const string Atc = "http://www.whocc.no/atc";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Hgnc = "http://www.genenames.org";
    public const string HgncGeneId = "http://www.genenames.org/geneId";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string LocalLab = "http://hospital.example.org/CodeSystem/lab-local";
    public const string BlinfantInput = "https://fhir.blinfant-interop.org/CodeSystem/blinfant-input";

    public const string AdverseReaction = "281647001";
    public const string Cd19Positive = "10828004";
    public const string Cd19Negative = "260385009";

    public const string Kmt2aFish = "78219-3";
    public const string GenomicVariant = "69548-6";
    public const string GeneStudied = "48018-6";
    public const string Present = "LA9633-4";
    public const string Absent = "LA9634-2";
    public const string HgncKmt2a = "HGNC:7132";

    public const string BmBlast = "BMBLAST";
    public const string MrdPcr = "MRDPCR";
    public const string MrdFlow = "MRDFLOW";
    public const string Cd19Blasts = "CD19BL";
    public const string CsfWbc = "CSFWBC";
    public const string NotEvaluable = "NEVAL";
    public const string PositiveNotQuantifiable = "POSNQ";
    public const string MrdNegative = "MRDNEG";

    /// <summary>Partner genes: symbol to HGNC id.</summary>
    public static readonly IReadOnlyList<(string Symbol, string Id)> Partners =
    [
        ("AFF1", "HGNC:7135"),
        ("MLLT3", "HGNC:7136"),
        ("MLLT10", "HGNC:16063"),
    ];

    /// <summary>Interfant-06 induction drugs by ATC: code, display, day offset from the start of induction, days given, intrathecal.</summary>
    public static readonly IReadOnlyList<(string Code, string Display, int Day, int Days, bool Intrathecal)> Induction =
    [
        ("H02AB07", "prednisone", 0, 7, false),
        ("L01BA01", "methotrexate", 0, 0, true),
        ("L01CA02", "vincristine", 7, 0, false),
        ("L01DB02", "daunorubicin", 7, 0, false),
        ("H02AB02", "dexamethasone", 7, 7, false),
        ("L01BC01", "cytarabine", 7, 7, false),
        ("L01XX24", "pegaspargase", 11, 0, false),
    ];
}
