using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Terminology;

namespace Interop.Fhir.Validation;

/// <summary>
/// A code-validation service that several validators can share: Firely's local terminology service expands value
/// sets into the (shared, cached) ValueSet resources it resolves, which is not safe from several threads at once,
/// so one call runs at a time. The wrapped service is local and completes synchronously, and it is expected to
/// cache (<see cref="CachingTerminologyService"/>): after warm-up a call is a cache hit and holds the lock for
/// microseconds.
/// </summary>
internal sealed class SynchronizedTerminologyService(ICodeValidationTerminologyService inner) : ICodeValidationTerminologyService
{
    private readonly Lock _gate = new();

    public Task<Parameters> ValueSetValidateCode(Parameters parameters, string? id = null, bool useGet = false)
    {
        lock (_gate)
        {
            return System.Threading.Tasks.Task.FromResult(inner.ValueSetValidateCode(parameters, id, useGet).GetAwaiter().GetResult());
        }
    }

    public Task<Parameters> Subsumes(Parameters parameters, string? id = null, bool useGet = false)
    {
        lock (_gate)
        {
            return System.Threading.Tasks.Task.FromResult(inner.Subsumes(parameters, id, useGet).GetAwaiter().GetResult());
        }
    }
}
