namespace Interop.Ehr.Auth;

/// <summary>
/// Authentication to one EHR (<c>Ehrs:&lt;name&gt;:Auth</c>). Secrets are never configuration values:
/// settings name the environment variable or file that holds them, and validation rejects a value that
/// looks like a token or a key.
/// </summary>
public sealed class EhrAuthOptions
{
    /// <summary>The SMART scopes asked for by default: read what the rules use, write outcomes and Provenance.</summary>
    public const string DefaultScopes =
        "system/Patient.read system/Observation.read system/Condition.read system/MedicationAdministration.read system/Observation.write system/Provenance.write";

    /// <summary><see cref="EhrAuthMode.None"/> (loopback only), <see cref="EhrAuthMode.Bearer"/> or <see cref="EhrAuthMode.SmartBackendServices"/>.</summary>
    public EhrAuthMode Mode { get; set; } = EhrAuthMode.None;

    /// <summary>Bearer: the name of the environment variable that holds the token.</summary>
    public string? BearerTokenEnvironmentVariable { get; set; }

    /// <summary>Bearer: a file whose whole content (trimmed) is the token; re-read after a 401.</summary>
    public string? BearerTokenFile { get; set; }

    /// <summary>SMART: the client id registered with the EHR (JWT <c>iss</c> and <c>sub</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>SMART: the token endpoint; when unset, read from <c>{BaseUrl}/.well-known/smart-configuration</c>.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>SMART: a PEM file with the private key (PKCS#8, PKCS#1 or SEC1).</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>SMART: the name of an environment variable holding the PEM private key.</summary>
    public string? PrivateKeyEnvironmentVariable { get; set; }

    /// <summary>SMART: the key id (<c>kid</c>) of the public key registered in the EHR's JWKS.</summary>
    public string? KeyId { get; set; }

    /// <summary>SMART: the assertion's signing algorithm, <c>RS384</c> or <c>ES384</c> (P-384).</summary>
    public string Algorithm { get; set; } = "RS384";

    /// <summary>SMART: the space-separated scopes asked for.</summary>
    public string Scopes { get; set; } = DefaultScopes;
}
