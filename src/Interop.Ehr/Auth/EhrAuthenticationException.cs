using Interop.Ehr.Rest;

namespace Interop.Ehr.Auth;

/// <summary>
/// No access token could be obtained: a secret that cannot be read, a SMART configuration or token
/// endpoint that refuses (the OAuth error code is named, never the token or the assertion).
/// </summary>
public sealed class EhrAuthenticationException : FhirEhrException
{
    public EhrAuthenticationException()
    {
    }

    public EhrAuthenticationException(string message)
        : base(message)
    {
    }

    public EhrAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
