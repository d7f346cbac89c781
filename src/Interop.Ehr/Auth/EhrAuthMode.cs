namespace Interop.Ehr.Auth;

/// <summary>How the adapter authenticates to an EHR's FHIR server.</summary>
public enum EhrAuthMode
{
    /// <summary>No Authorization header. Allowed only for a loopback base URL (a local test server).</summary>
    None,

    /// <summary>A static bearer token read from an environment variable or a file.</summary>
    Bearer,

    /// <summary>SMART Backend Services: client_credentials with a private_key_jwt assertion (RS384 or ES384).</summary>
    SmartBackendServices,
}
