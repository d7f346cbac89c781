using System.Globalization;

namespace Interop.Worker.Api;

/// <summary>
/// Query parameters read as text and checked here, so that a bad value answers 400 with the parameter's name
/// (rather than a bare binding failure). Errors are keyed by parameter, as in a validation ProblemDetails.
/// </summary>
internal sealed class QueryErrors
{
    public const int DefaultTake = 50;
    public const int MaxTake = 200;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IDictionary<string, string[]> Errors => _errors;

    public void Add(string parameter, string message) => _errors[parameter] = [message];

    public int Skip(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var skip))
        {
            Add("skip", "skip must be a whole number, 0 or more.");
        }

        return skip;
    }

    public int Take(string? value)
    {
        if (value is null)
        {
            return DefaultTake;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var take) || take is < 1 or > MaxTake)
        {
            Add("take", $"take must be a whole number from 1 to {MaxTake}.");
        }

        return take;
    }

    /// <summary>A value that must be one of <paramref name="allowed"/>, or absent.</summary>
    public string? OneOf(string parameter, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
        {
            Add(parameter, $"{parameter} must be one of: {string.Join(", ", allowed)}.");
        }

        return value;
    }

    /// <summary>An EHR name: non-empty, at most 100 characters; null when absent.</summary>
    public string? EhrName(string? value)
    {
        if (value is not null && (string.IsNullOrWhiteSpace(value) || value.Length > 100))
        {
            Add("ehr", "ehr must be a configured EHR name (or 'file').");
        }

        return value;
    }

    public DateOnly? Date(string parameter, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(parameter, $"{parameter} must be a date as yyyy-MM-dd.");
            return null;
        }

        return date;
    }
}
