namespace Interop.Ehr.Rest;

/// <summary>FHIR base URLs as the adapter compares and prints them.</summary>
public static class EhrBaseUrl
{
    /// <summary>An absolute http(s) URL, or false.</summary>
    public static bool TryParse(string? text, out Uri url)
    {
        url = null!;
        return Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && (url = parsed) is not null;
    }

    /// <summary>The URL without the trailing slash of its path (<c>https://ehr/fhir/</c> -> <c>https://ehr/fhir</c>).</summary>
    public static Uri? WithoutTrailingSlash(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || url.AbsolutePath.Length <= 1 || !url.AbsolutePath.EndsWith('/'))
        {
            return url;
        }

        var builder = new UriBuilder(url);
        builder.Path = builder.Path.TrimEnd('/');
        return builder.Uri;
    }

    /// <summary>Same scheme, host and port (case-insensitive) and the same path, ignoring a trailing slash.</summary>
    public static bool SameBase(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(a.AbsolutePath.TrimEnd('/'), b.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>Scheme, authority and path only: never a query string or user info (they can carry data or secrets).</summary>
    public static string Display(Uri url) => url.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.Port | UriComponents.Path, UriFormat.UriEscaped);
}
