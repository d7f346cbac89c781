using Hl7.Fhir.Model;
using Interop.Ehr.Bulk;
using Interop.Ehr.DependencyInjection;

namespace Interop.Worker.Check;

/// <summary>
/// What the server declares for Bulk Data export (levels, <c>_since</c>, <c>_typeFilter</c>, types left out), read from
/// its CapabilityStatement with the EHR's Bulk settings applied, as the sync's exporter reads it. FAIL only when the EHR
/// is read by Bulk and the configured level is not declared. Pure: a server's own OperationDefinition is read by the
/// exporter at kick-off, not here, so <c>_since</c> is shown as the IG's default unless a setting overrides it.
/// </summary>
internal static class BulkExportCheck
{
    public static CheckLine Evaluate(CapabilityStatement capabilities, EhrConnectionOptions options, string ehrName)
    {
        ArgumentNullException.ThrowIfNull(options);
        var support = BulkServerSupport.From(capabilities, null, options.Bulk);
        var levels = new[] { (support.SystemExport, "system"), (support.PatientExport, "Patient"), (support.GroupExport, "Group") }
            .Where(l => l.Item1).Select(l => l.Item2).ToList();
        var declared = levels.Count == 0
            ? "no $export declared"
            : $"$export at {string.Join(", ", levels)} level; _since {(support.Since ? "used" : "not used (full export every run)")}; _typeFilter {(support.TypeFilter ? "used" : "not used")}"
              + (support.TypesNotExported.Count > 0 ? $"; not exported, read by REST: {string.Join(", ", support.TypesNotExported)}" : string.Empty);
        var setting = $"Ehrs:{ehrName}:Read";
        if (options.Read != EhrReadMode.Bulk)
        {
            return new(CheckStatus.Pass, CheckNames.BulkExport, $"{declared} (not used: {setting} is Rest)");
        }

        return support.Supports(options.Bulk.Level)
            ? new(CheckStatus.Pass, CheckNames.BulkExport, $"{declared}; the sync exports at {options.Bulk.Level} level")
            : new(CheckStatus.Fail, CheckNames.BulkExport, $"{declared}: the configured level {options.Bulk.Level} (Ehrs:{ehrName}:Bulk:Level) is not declared; choose a declared level or set {setting} to Rest");
    }
}
