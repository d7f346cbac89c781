using Hl7.Fhir.Model;

namespace Interop.Ehr.Rest;

/// <summary>
/// What may be said about a request in a log line or an error: method and path, never the query, and in the path no
/// resource id (<c>/fhir/Patient/{id}</c>): a Patient's id is patient data, and so is the id of anything of theirs.
/// </summary>
internal static class RequestDescription
{
    public static string Method(HttpRequestMessage? request) => request?.Method.Method ?? "?";

    public static string Path(HttpRequestMessage? request) => Path(request?.RequestUri);

    public static string Path(Uri? uri) =>
        uri switch
        {
            null => "?",
            { IsAbsoluteUri: true } => WithoutIds(uri.AbsolutePath),
            _ => WithoutIds(uri.OriginalString.Split('?', 2)[0]),
        };

    /// <summary>The path with each segment after a resource type replaced by <c>{id}</c>, and after <c>_history</c> by <c>{vid}</c>; operations and <c>_search</c> stay.</summary>
    public static string WithoutIds(string path)
    {
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].Length == 0 || segments[i][0] is '_' or '$')
            {
                continue;
            }

            if (ModelInfo.IsKnownResource(segments[i - 1]))
            {
                segments[i] = "{id}";
            }
            else if (segments[i - 1] == "_history")
            {
                segments[i] = "{vid}";
            }
        }

        return string.Join('/', segments);
    }
}
