using Hl7.Fhir.Specification.Source;

namespace Interop.Fhir.Validation;

/// <summary>
/// FHIR R4 core definitions from Hl7.Fhir.Specification.Data.R4 (<c>specification.zip</c>, copied beside the
/// assembly by the package): offline, no registry and no terminology server.
/// </summary>
internal static class CoreDefinitions
{
    // The zip is extracted to a cache folder on first use; two sources extracting at once in one process could
    // collide, so sources are created one at a time.
    private static readonly Lock Gate = new();

    public static ZipSource Create()
    {
        lock (Gate)
        {
            var source = ZipSource.CreateValidationSource();
            source.Prepare();
            return source;
        }
    }
}
