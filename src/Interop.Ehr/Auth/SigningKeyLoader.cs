using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Ehr.Auth;

/// <summary>Loads the SMART client's private key (PEM, from a file or the environment) as signing credentials.</summary>
internal static class SigningKeyLoader
{
    public static async Task<(SigningCredentials Credentials, IDisposable Key)> LoadAsync(EhrAuthOptions auth, string section, CancellationToken cancellationToken)
    {
        var pem = auth.PrivateKeyEnvironmentVariable is { Length: > 0 } variable
            ? SecretReader.FromEnvironment(variable, $"{section}:PrivateKeyEnvironmentVariable")
            : await SecretReader.FromFileAsync(auth.PrivateKeyFile!, $"{section}:PrivateKeyFile", cancellationToken);
        var setting = auth.PrivateKeyEnvironmentVariable is { Length: > 0 } ? $"{section}:PrivateKeyEnvironmentVariable" : $"{section}:PrivateKeyFile";
        return auth.Algorithm == "ES384" ? LoadEcdsa(pem, auth.KeyId!, setting) : LoadRsa(pem, auth.KeyId!, setting);
    }

    private static (SigningCredentials, IDisposable) LoadRsa(string pem, string keyId, string setting)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            _ = rsa.ExportParameters(includePrivateParameters: true);
            if (rsa.KeySize < 2048)
            {
                throw new EhrAuthenticationException($"The RSA key named by {setting} has {rsa.KeySize} bits; RS384 needs at least 2048.");
            }

            var key = new RsaSecurityKey(rsa) { KeyId = keyId };
            return (new SigningCredentials(key, SecurityAlgorithms.RsaSha384), rsa);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new EhrAuthenticationException($"The key named by {setting} is not a PEM RSA private key (Algorithm RS384).", ex);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static (SigningCredentials, IDisposable) LoadEcdsa(string pem, string keyId, string setting)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            _ = ecdsa.ExportParameters(includePrivateParameters: true);
            if (ecdsa.KeySize != 384)
            {
                throw new EhrAuthenticationException($"The EC key named by {setting} is on a {ecdsa.KeySize}-bit curve; ES384 needs P-384.");
            }

            var key = new ECDsaSecurityKey(ecdsa) { KeyId = keyId };
            return (new SigningCredentials(key, SecurityAlgorithms.EcdsaSha384), ecdsa);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            ecdsa.Dispose();
            throw new EhrAuthenticationException($"The key named by {setting} is not a PEM EC private key (Algorithm ES384).", ex);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }
}
