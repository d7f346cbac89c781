namespace Interop.Ehr.Rest;

/// <summary>What may be said about a request in a log line or an error: method and path, never the query.</summary>
internal static class RequestDescription
{
    public static string Method(HttpRequestMessage? request) => request?.Method.Method ?? "?";

    public static string Path(HttpRequestMessage? request) => Path(request?.RequestUri);

    public static string Path(Uri? uri) =>
        uri switch
        {
            null => "?",
            { IsAbsoluteUri: true } => uri.AbsolutePath,
            _ => uri.OriginalString.Split('?', 2)[0],
        };
}
