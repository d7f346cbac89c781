using Refit;

namespace Interop.Ehr.Rest;

/// <summary>
/// Writes a <see cref="FhirSearchQuery"/> as repeated <c>name=value</c> pairs. Refit percent-encodes
/// each name and value with <see cref="Uri.EscapeDataString(string)"/>, so '|', ',', ':' and '/' in
/// token and reference values arrive intact; servers decode the query before splitting on ',' (OR).
/// </summary>
internal sealed class FhirSearchQueryConverter : IQueryConverter<FhirSearchQuery>
{
    public void Flatten(FhirSearchQuery value, string keyPrefix, ref GeneratedQueryStringBuilder builder, RefitSettings settings)
    {
        foreach (var (name, parameterValue) in value.Parameters)
        {
            builder.Add(name, parameterValue, value.PreEncoded);
        }
    }
}
