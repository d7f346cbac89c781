namespace Interop.Ehr.Rest;

/// <summary>
/// The parameters of one FHIR search, in order, names may repeat (<c>date=ge..&amp;date=le..</c>).
/// Deliberately has no <see cref="object.ToString"/> of its values: a query can carry patient data.
/// </summary>
public sealed class FhirSearchQuery
{
    private FhirSearchQuery(IReadOnlyList<KeyValuePair<string, string>> parameters, bool preEncoded)
    {
        Parameters = parameters;
        PreEncoded = preEncoded;
    }

    /// <summary>The name/value pairs, as given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>True when names and values are already percent-encoded and go out verbatim.</summary>
    public bool PreEncoded { get; }

    /// <summary>No parameters: <c>GET [base]/{type}</c>.</summary>
    public static FhirSearchQuery Empty { get; } = new([], false);

    /// <summary>Plain (unencoded) names and values; each is percent-encoded when the request is built.</summary>
    public static FhirSearchQuery Create(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        foreach (var (name, value) in list)
        {
            if (string.IsNullOrEmpty(name) || value is null)
            {
                throw new ArgumentException("Every search parameter needs a name and a value.", nameof(parameters));
            }
        }

        return new FhirSearchQuery(list, false);
    }

    /// <summary>
    /// A query string that is already percent-encoded (<c>code=http%3A%2F%2Floinc.org%7C78219-3&amp;_count=100</c>,
    /// with or without a leading '?'); its pairs go out exactly as given.
    /// </summary>
    public static FhirSearchQuery FromEncoded(string encodedQuery)
    {
        ArgumentNullException.ThrowIfNull(encodedQuery);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in encodedQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException("An encoded query must be name=value pairs joined by '&'.", nameof(encodedQuery));
            }

            pairs.Add(new(part[..equals], part[(equals + 1)..]));
        }

        return new FhirSearchQuery(pairs, true);
    }
}
