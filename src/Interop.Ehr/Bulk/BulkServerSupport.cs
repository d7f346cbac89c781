using Hl7.Fhir.Model;

namespace Interop.Ehr.Bulk;

/// <summary>
/// What an EHR declares about Bulk Data export, read from its CapabilityStatement (and, for <c>_since</c> and
/// <c>_typeFilter</c>, the OperationDefinition it names), with the configured overrides applied.
/// </summary>
/// <param name="SystemExport">Whether <c>[base]/$export</c> is declared.</param>
/// <param name="PatientExport">Whether <c>[base]/Patient/$export</c> is declared.</param>
/// <param name="GroupExport">Whether <c>[base]/Group/{id}/$export</c> is declared.</param>
/// <param name="Since">Whether <c>_since</c> is sent.</param>
/// <param name="TypeFilter">Whether <c>_typeFilter</c> is sent.</param>
/// <param name="TypesNotExported">Types the server marks (operation-not-supported) or the settings name as missing from its export.</param>
public sealed record BulkServerSupport(
    bool SystemExport, bool PatientExport, bool GroupExport, bool Since, bool TypeFilter, IReadOnlySet<string> TypesNotExported)
{
    /// <summary>The Bulk Data IG's canonical prefix for its OperationDefinitions.</summary>
    public const string OperationDefinitionPrefix = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/";

    /// <summary>The extension with which a server marks a type or search parameter as not available to export.</summary>
    public const string NotSupportedExtension = "http://hl7.org/fhir/uv/bulkdata/StructureDefinition/operation-not-supported";

    /// <summary>Whether the configured level is declared.</summary>
    public bool Supports(BulkExportLevel level) => level switch
    {
        BulkExportLevel.System => SystemExport,
        BulkExportLevel.Patient => PatientExport,
        _ => GroupExport,
    };

    /// <summary>
    /// Reads <paramref name="capabilities"/>. <paramref name="parameters"/> are the parameter names of the server's own
    /// export OperationDefinition when it names one that is not the IG's (null when it names the IG's or none): the IG
    /// makes <c>_since</c> required and <c>_typeFilter</c> optional, so without a definition of its own only <c>_since</c> is assumed.
    /// </summary>
    public static BulkServerSupport From(CapabilityStatement capabilities, IReadOnlySet<string>? parameters, BulkExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(options);
        var rest = capabilities.Rest.FirstOrDefault(r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server) ?? capabilities.Rest.FirstOrDefault();
        var system = rest?.Operation.Any(o => IsExport(o, "export")) ?? false;
        var patient = Resource(rest, "Patient")?.Operation.Any(o => IsExport(o, "patient-export")) ?? false;
        var group = Resource(rest, "Group")?.Operation.Any(o => IsExport(o, "group-export")) ?? false;

        var notExported = new SortedSet<string>(options.TypesNotExported, StringComparer.Ordinal);
        foreach (var resource in rest?.Resource ?? [])
        {
            if (resource.Type is { } type && resource.Extension.Any(e => e.Url == NotSupportedExtension))
            {
                notExported.Add(type.ToString());
            }
        }

        var since = Decide(options.Since, parameters?.Contains("_since") ?? true);
        var typeFilter = Decide(options.TypeFilter, parameters?.Contains("_typeFilter") ?? false);
        return new BulkServerSupport(system, patient, group, since, typeFilter, notExported);
    }

    /// <summary>The canonical of the server's export OperationDefinition for <paramref name="level"/>, when it declares one.</summary>
    public static string? DefinitionOf(CapabilityStatement capabilities, BulkExportLevel level)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var rest = capabilities.Rest.FirstOrDefault();
        var operations = level switch
        {
            BulkExportLevel.System => rest?.Operation,
            BulkExportLevel.Patient => Resource(rest, "Patient")?.Operation,
            _ => Resource(rest, "Group")?.Operation,
        };
        return operations?.FirstOrDefault(o => IsExport(o, null))?.Definition;
    }

    private static bool Decide(BulkFeatureSupport setting, bool declared) => setting switch
    {
        BulkFeatureSupport.Supported => true,
        BulkFeatureSupport.Unsupported => false,
        _ => declared,
    };

    private static CapabilityStatement.ResourceComponent? Resource(CapabilityStatement.RestComponent? rest, string type) =>
        rest?.Resource.FirstOrDefault(r => r.Type?.ToString() == type);

    private static bool IsExport(CapabilityStatement.OperationComponent operation, string? igName) =>
        string.Equals(operation.Name, "export", StringComparison.Ordinal)
        || (operation.Definition is { } definition
            && definition.StartsWith(OperationDefinitionPrefix, StringComparison.Ordinal)
            && (igName is null ? definition.EndsWith("export", StringComparison.Ordinal) : definition.EndsWith("/" + igName, StringComparison.Ordinal)));
}
