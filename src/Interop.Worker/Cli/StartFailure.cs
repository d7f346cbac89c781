using System.Data.Common;
using System.Security.Cryptography;
using Interop.Sync;
using Microsoft.AspNetCore.Connections;

namespace Interop.Worker.Cli;

/// <summary>
/// What stops a verb before its work starts, as one line naming the setting to change and the exit code (README.md, "Exit
/// codes"): 2 when the configuration must be fixed (a service manager should not restart), 1 when it may pass on a later
/// try (a port another process holds, a store not reachable now).
/// </summary>
internal sealed record StartFailure(int ExitCode, string Message)
{
    /// <summary>The failure <paramref name="exception"/> (or one it wraps) stands for, or null when it is none of these.</summary>
    public static StartFailure? Of(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case AddressInUseException:
                    return new(ExitCodes.Failure, $"error: Api:Urls: the address is already in use by another process ({exception.Message.TrimEnd('.')}).");
                case FileNotFoundException missing when LoadingCertificate(missing):
                    return new(ExitCodes.Usage, $"error: Kestrel:Certificates (or Kestrel:Endpoints:<name>:Certificate): the certificate file '{missing.FileName}' does not exist.");
                case CryptographicException:
                    return new(ExitCodes.Usage, $"error: Kestrel:Certificates (or Kestrel:Endpoints:<name>:Certificate): the HTTPS certificate could not be loaded ({ex.GetType().Name}: not a PEM/PFX certificate, a wrong key or password?).");
                case InvalidOperationException when Mentions(ex, "certificate"):
                    return new(ExitCodes.Usage, "error: Api:Urls has an https address but no certificate is configured: set Kestrel:Certificates:Default:Path (and :KeyPath or :Password).");
                case Interop.Worker.Configuration.ConfigurationException configuration:
                    return new(ExitCodes.Usage, $"error: {configuration.Message}");
                case Interop.Store.StoreUnavailableException store:
                    return new(ExitCodes.Failure, $"error: Store:ConnectionString: {store.Message}.");
                case DbException db:
                    // Provider messages name the file, host or error code: settings, never patient data.
                    return new(ExitCodes.Failure, $"error: Store:ConnectionString: the state store could not be opened ({db.GetType().Name}: {FirstLine(db.Message)}).");
                default:
                    break;
            }
        }

        return null;
    }

    // Kestrel reads certificate files in its certificate loader: a missing file anywhere else is not a certificate's.
    private static bool LoadingCertificate(FileNotFoundException ex) =>
        ex.StackTrace?.Contains("Certificate", StringComparison.Ordinal) == true;

    private static bool Mentions(Exception ex, string word) =>
        ex.Message.Contains(word, StringComparison.OrdinalIgnoreCase)
        || (ex.InnerException is { } inner && Mentions(inner, word));

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.');
}
