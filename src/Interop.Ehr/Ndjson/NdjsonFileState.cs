using System.Globalization;
using Interop.Fhir.Mapping;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// Decides, for one file, on lines that are not FHIR resources. In a file of resources such a line is a damaged record
/// and is quarantined; in a file with no resource at all (an export's log or manifest) it is skipped, and the file gets
/// one note. Lines are held (compactly) until the file shows which it is; OperationOutcome lines are counted for a note.
/// </summary>
internal sealed class NdjsonFileState(string fileName)
{
    private readonly List<ParsedLine> _pending = [];
    private bool _holdsResources;
    private int _notResources;
    private int _outcomes;

    public string FileName => fileName;

    public IEnumerable<SourceItem> Accept(List<ParsedLine> lines)
    {
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case LineKind.OperationOutcome:
                    _outcomes++;
                    break;
                case LineKind.NotResource when _holdsResources:
                    yield return NotAResource(line);
                    break;
                case LineKind.NotResource:
                    _notResources++;
                    _pending.Add(line);
                    break;
                case LineKind.Item when line.IsResourceEvidence:
                    _holdsResources = true;
                    foreach (var held in Flush())
                    {
                        yield return held;
                    }

                    yield return line.Item!;
                    break;
                case LineKind.Item when _pending.Count > 0:
                    _pending.Add(line); // keeps input order with the lines held before it
                    break;
                default:
                    yield return line.Item!;
                    break;
            }
        }
    }

    /// <summary>At the end of the file (or where reading it broke off): what is still held, and the file's notes.</summary>
    public IEnumerable<SourceItem> Complete()
    {
        foreach (var held in _pending.Where(p => p.Kind == LineKind.Item))
        {
            yield return held.Item!;
        }

        if (_notResources > 0)
        {
            yield return SourceItem.Noted(new SourceNote(fileName, SourceNote.NotResources, _notResources, string.Create(
                CultureInfo.InvariantCulture,
                $"{Lines(_notResources)} skipped: no line of the file is a FHIR resource (an export's log or manifest)")));
        }

        if (_outcomes > 0)
        {
            yield return SourceItem.Noted(new SourceNote(fileName, SourceNote.OperationOutcomes, _outcomes, string.Create(
                CultureInfo.InvariantCulture,
                $"{Lines(_outcomes)} of OperationOutcome skipped: the export's error or information report, not patient records (read it: an export error can mean missing records)")));
        }

        _pending.Clear();
        _notResources = 0;
        _outcomes = 0;
    }

    private List<SourceItem> Flush()
    {
        var held = _pending.Select(p => p.Kind == LineKind.NotResource ? NotAResource(p) : p.Item!).ToList();
        _pending.Clear();
        _notResources = 0;
        return held;
    }

    private SourceItem NotAResource(ParsedLine line)
    {
        var location = string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line.LineNumber}");
        return new SourceItem(location, null, new QuarantineEntry(
            location, null, line.Id, line.PatientId, "not a FHIR resource (no resourceType) in a file of FHIR resources"));
    }

    private static string Lines(int n) => string.Create(CultureInfo.InvariantCulture, $"{n} line{(n == 1 ? string.Empty : "s")}");
}
