using System.Collections.Frozen;
using Hl7.Fhir.Model;

namespace Interop.Fhir.Mapping.Genomics;

/// <summary>
/// Decides whether an HL7 Genomics Reporting variant Observation (LOINC 69548-6) in KMT2A is a rearrangement
/// (docs/reading-contract.md, "Observations: KMT2A"). Fusion marks: a DNA change type (48019-4) or molecular consequence
/// of chromosomal_translocation, translocation, gene_fusion or transcript_fusion; a fusion described in a 81252-9, HGVS
/// or ISCN text; or a second gene studied (the partner). A sequence-level change (SNV, MNV, delins, an HGVS expression)
/// or any other change type is no rearrangement; a germline source class makes it a constitutional variant.
/// </summary>
internal static class Kmt2aVariantReader
{
    public const string GenomicVariantCode = "69548-6";

    private const string Loinc = "http://loinc.org";
    private const string GeneStudied = "48018-6";
    private const string DnaChangeType = "48019-4";
    private const string GenomicSourceClass = "48002-0";
    private const string Germline = "LA6683-2";

    // Genomics Reporting's own codes for consequence components (STU2+ tbd-codes-cs; STU1 TbdCodes).
    private static readonly FrozenSet<string> TbdSystems = FrozenSet.ToFrozenSet(
        ["http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs", "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/TbdCodes"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> ConsequenceCodes = FrozenSet.ToFrozenSet(
        ["molecular-consequence", "feature-consequence", "functional-effect", "functional-annotation"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SequenceOntology = FrozenSet.ToFrozenSet(
        ["http://sequenceontology.org", "http://www.sequenceontology.org", "http://www.sequenceontology.org/"], StringComparer.Ordinal);

    // chromosomal_translocation, translocation, gene_fusion, transcript_fusion.
    private static readonly FrozenSet<string> FusionTypes = FrozenSet.ToFrozenSet(
        ["SO:1000044", "SO:0000199", "SO:0001565", "SO:0001886"], StringComparer.Ordinal);

    // SNV, MNV, delins, substitution: changes at sequence level, never a fusion by themselves.
    private static readonly FrozenSet<string> SequenceLevelTypes = FrozenSet.ToFrozenSet(
        ["SO:0001483", "SO:0002007", "SO:1000032", "SO:1000002"], StringComparer.Ordinal);

    // Variation code, c.HGVS, g.HGVS, p.HGVS, and the cytogenetic (ISCN) descriptions.
    private static readonly FrozenSet<string> DescriptionCodes = FrozenSet.ToFrozenSet(
        ["81252-9", "48004-6", "81290-9", "48005-3", "81291-7"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> HgvsCodes = FrozenSet.ToFrozenSet(["48004-6", "81290-9", "48005-3"], StringComparer.Ordinal);

    public static bool IsGenomicVariant(Observation observation) =>
        observation.Code?.Coding.Any(c => c.System == Loinc && c.Code == GenomicVariantCode) == true;

    public static Kmt2aVariantResult Read(Observation observation)
    {
        var genes = observation.Component.Where(c => Is(c.Code, GeneStudied)).Select(c => GeneOf(c.Value)).ToList();
        if (!genes.Contains(HgncGenes.Kmt2a))
        {
            return new(VariantReading.NotKmt2a);
        }

        var others = genes.Where(g => g != HgncGenes.Kmt2a).ToList();
        var typeComponents = observation.Component.Where(c => Is(c.Code, DnaChangeType) || IsConsequence(c.Code)).ToList();
        var types = typeComponents.SelectMany(SoCodes).ToList();
        var unreadableType = typeComponents.Exists(c => !SoCodes(c).Any());
        var hgvs = observation.Component.Any(c => HgvsCodes.Any(code => Is(c.Code, code)));
        var text = FusionText.Read(observation.Component.Where(c => DescriptionCodes.Any(code => Is(c.Code, code))).SelectMany(Texts));
        var germline = observation.Component.Any(c => Is(c.Code, GenomicSourceClass) && c.Value is CodeableConcept v && v.Coding.Any(x => x.System == Loinc && x.Code == Germline));

        var strongFusion = types.Exists(FusionTypes.Contains) || text.Fusion;
        var partnerNamed = others.Count > 0;
        var sequenceLevel = types.Exists(SequenceLevelTypes.Contains) || (hgvs && !text.Fusion);
        var partner = Partner(others, text);
        var specific = partnerNamed || text.PartnerSpecific;

        if (text.Negated && (text.Fusion || types.Exists(FusionTypes.Contains)))
        {
            return new(
                VariantReading.Contradictory,
                Problem: "a variant description (81252-9, HGVS or ISCN) with a negation beside the marks of a fusion: whether KMT2A is rearranged cannot be told");
        }

        if (germline && (strongFusion || partnerNamed))
        {
            return new(VariantReading.Contradictory, Problem: "component genomic source class (48002-0) is germline but the variant describes a fusion");
        }

        if (strongFusion)
        {
            return new(VariantReading.Rearrangement, partner) { PartnerSpecific = specific };
        }

        if (partnerNamed && unreadableType)
        {
            return new(
                VariantReading.Contradictory,
                Problem: "a second gene studied (48018-6) beside a change type or molecular consequence not coded in Sequence Ontology: rearrangement or other variant cannot be told");
        }

        if (partnerNamed && sequenceLevel)
        {
            return new(
                VariantReading.Contradictory,
                Problem: "a second gene studied (48018-6) but a sequence-level change (HGVS or change type) and no fusion type: rearrangement or point mutation cannot be told");
        }

        if (partnerNamed)
        {
            return new(VariantReading.Rearrangement, partner) { PartnerSpecific = true };
        }

        if (germline)
        {
            return new(VariantReading.GermlineVariant);
        }

        return sequenceLevel || types.Count > 0 ? new(VariantReading.OtherVariant) : new(VariantReading.Unstated);
    }

    // One partner named consistently (by gene-studied codings and texts): its symbol; none or several: null.
    private static string? Partner(List<string?> others, TextReading text)
    {
        var named = others.OfType<string>().Concat(text.Partners).Distinct(StringComparer.Ordinal).ToList();
        var unidentified = others.Exists(o => o is null);
        return named.Count == 1 && !(unidentified && others.Count > 1) ? named[0] : null;
    }

    // The table symbol of a gene-studied value; KMT2A by id or symbol. A gene outside the table is "another gene" (null).
    private static string? GeneOf(DataType? value) =>
        value is CodeableConcept concept ? concept.Coding.Select(HgncGenes.Symbol).FirstOrDefault(s => s is not null) : null;

    private static IEnumerable<string> SoCodes(Observation.ComponentComponent component) =>
        component.Value is CodeableConcept concept
            ? concept.Coding.Where(c => c.System is { } s && SequenceOntology.Contains(s) && c.Code is not null).Select(c => c.Code!)
            : [];

    private static IEnumerable<string> Texts(Observation.ComponentComponent component) => component.Value switch
    {
        CodeableConcept concept => concept.Coding.SelectMany(c => new[] { c.Code, c.Display }).Append(concept.Text).OfType<string>(),
        FhirString s when s.Value is { } v => [v],
        _ => [],
    };

    private static bool IsConsequence(CodeableConcept? code) =>
        code?.Coding.Any(c => c.System is { } s && TbdSystems.Contains(s) && c.Code is { } k && ConsequenceCodes.Contains(k)) == true;

    private static bool Is(CodeableConcept? code, string loinc) => code?.Coding.Any(c => c.System == Loinc && c.Code == loinc) == true;
}
