using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Ehr.Ndjson;
using Interop.Fhir.Mapping;
using Interop.Fhir.Serialization;

namespace Interop.Ehr.Bulk;

/// <summary>
/// Reads an export's error file: each OperationOutcome with an error or fatal issue is a record the server could not
/// export, of a patient it does not name in a form we can trust, so it becomes a quarantine entry that affects every
/// patient (their outcomes are withheld). Reasons carry issue severities and codes, never the server's diagnostics text.
/// Information and warning outcomes are counted only.
/// </summary>
internal static class BulkErrorFile
{
    public static async Task<(List<QuarantineEntry> Entries, int Informational)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var entries = new List<QuarantineEntry>();
        var informational = 0;
        var name = Path.GetFileName(path);
        var (stream, problem) = NdjsonSourceFiles.Open(path);
        if (stream is null)
        {
            entries.Add(Entry(name, 0, "the export's error file " + problem));
            return (entries, informational);
        }

        using var reader = new StreamReader(stream);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            OperationOutcome? outcome;
            try
            {
                outcome = JsonSerializer.Deserialize<Resource>(line, FhirJson.Options) as OperationOutcome;
            }
            catch (Exception ex) when (ex is JsonException or Hl7.Fhir.Serialization.DeserializationFailedException)
            {
                outcome = null;
            }

            if (outcome is null)
            {
                entries.Add(Entry(name, number, "a line of the export's error file is not an OperationOutcome: something was not exported"));
                continue;
            }

            var failures = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
            if (failures.Count == 0)
            {
                informational++;
                continue;
            }

            var codes = string.Join(", ", failures.Select(i => $"{Literal(i.Severity)} {Literal(i.Code)}").Distinct(StringComparer.Ordinal));
            entries.Add(Entry(name, number, $"the export server reports a record it could not export ({codes}); which patient's is not known, so no outcome is written this run"));
        }

        return (entries, informational);
    }

    private static QuarantineEntry Entry(string file, int line, string reason) =>
        new(line == 0 ? file : string.Create(CultureInfo.InvariantCulture, $"{file}:{line}"), "OperationOutcome", null, null, reason) { AffectsEveryPatient = true };

    private static string Literal<T>(T? value)
        where T : struct, Enum =>
        value is { } v ? Hl7.Fhir.Utility.EnumUtility.GetLiteral(v) ?? "unknown" : "unknown";
}
