using System.Text.RegularExpressions;

namespace Interop.Ehr.Bulk;

/// <summary>The checks on <c>Ehrs:&lt;name&gt;:Bulk</c>; messages name settings, never values.</summary>
internal static partial class BulkExportOptionsValidation
{
    public static void Validate(BulkExportOptions bulk, string section, List<string> errors)
    {
        if (!Enum.IsDefined(bulk.Level))
        {
            errors.Add($"{section}:Level must be System, Patient or Group");
        }

        if (bulk.Level == BulkExportLevel.Group && !IdPattern().IsMatch(bulk.GroupId ?? string.Empty))
        {
            errors.Add($"{section}:GroupId must be a FHIR id (1-64 letters, digits, '-' or '.') when Level is Group");
        }

        if (bulk.Level != BulkExportLevel.Group && bulk.GroupId is not null)
        {
            errors.Add($"{section}:GroupId is used only when Level is Group");
        }

        if (bulk.MinPollInterval < TimeSpan.Zero || bulk.MinPollInterval > bulk.MaxPollInterval)
        {
            errors.Add($"{section}:MinPollInterval must be at least 0 and at most MaxPollInterval");
        }

        if (bulk.MaxPollInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"{section}:MaxPollInterval must be at most 1 h");
        }

        if (bulk.PollInterval < bulk.MinPollInterval || bulk.PollInterval > bulk.MaxPollInterval)
        {
            errors.Add($"{section}:PollInterval must be between MinPollInterval and MaxPollInterval");
        }

        if (bulk.MaxWait <= TimeSpan.Zero || bulk.MaxWait > TimeSpan.FromDays(7))
        {
            errors.Add($"{section}:MaxWait must be more than 0 and at most 7 days");
        }

        if (string.IsNullOrWhiteSpace(bulk.StagingFolder) || bulk.StagingFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"{section}:StagingFolder must be a folder path");
        }

        if (bulk.MaxParallelDownloads is < 1 or > 16)
        {
            errors.Add($"{section}:MaxParallelDownloads must be 1-16");
        }

        if (bulk.DownloadAttempts is < 1 or > 10)
        {
            errors.Add($"{section}:DownloadAttempts must be 1-10");
        }

        if (!Enum.IsDefined(bulk.Since) || !Enum.IsDefined(bulk.TypeFilter))
        {
            errors.Add($"{section}:Since and {section}:TypeFilter must be Auto, Supported or Unsupported");
        }

        foreach (var type in bulk.TypesNotExported)
        {
            if (!Hl7.Fhir.Model.ModelInfo.IsKnownResource(type))
            {
                errors.Add($"{section}:TypesNotExported holds an entry that is not a FHIR R4 resource type");
                break;
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9.-]{1,64}$")]
    private static partial Regex IdPattern();
}
