namespace Interop.Ehr.Ndjson;

/// <summary>What parsing one line (or one Bundle entry) gave, before the file's own context decides on it.</summary>
internal enum LineKind
{
    /// <summary>A resource, a record set aside or a deletion: <see cref="ParsedLine.Item"/>.</summary>
    Item,

    /// <summary>A well-formed JSON object without resourceType: skipped in a file of such lines, quarantined in a file of resources.</summary>
    NotResource,

    /// <summary>An OperationOutcome: an export's error or information report, counted and skipped.</summary>
    OperationOutcome,
}

/// <summary>One parse result; compact for <see cref="LineKind.NotResource"/>, which a file may hold many of.</summary>
internal readonly record struct ParsedLine(LineKind Kind, SourceItem? Item, int LineNumber = 0, string? Id = null, string? PatientId = null)
{
    public static ParsedLine Of(SourceItem item) => new(LineKind.Item, item);

    /// <summary>True when the line shows that its file holds FHIR resources (a resource, or a rejected line whose type is known).</summary>
    public bool IsResourceEvidence =>
        Kind == LineKind.Item && (Item!.Resource is not null || Item.Irrelevant is not null || Item.Deletion is not null || Item.Failure?.ResourceType is not null);
}
