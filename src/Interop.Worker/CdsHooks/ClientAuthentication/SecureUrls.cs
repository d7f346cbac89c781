namespace Interop.Worker.CdsHooks.ClientAuthentication;

/// <summary>The transport rule for the URLs of the CDS clients' keys and of the service: https, or http on loopback only.</summary>
internal static class SecureUrls
{
    public static bool IsHttpsOrLoopbackHttp(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);
}
