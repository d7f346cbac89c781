using Firely.Fhir.Validation;
// Firely marks its schema compiler and schema types experimental; they are how a compiled schema is shared.
#pragma warning disable ExperimentalApi
using Firely.Fhir.Validation.Compilation;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Hl7.FhirPath;
using Microsoft.Extensions.Caching.Memory;

namespace Interop.Fhir.Validation;

/// <summary>
/// What every <see cref="OutcomeValidator"/> of the process shares, built once: the resolver over FHIR core and
/// our profiles, the local terminology service with its cache, the compiled schemas, and the FHIRPath compiler.
/// All of it is safe to use from several threads (see each type), so the core definitions, snapshots and schemas
/// are loaded and compiled once per process rather than once per validator; only Firely's
/// <see cref="Validator"/> (cheap: a copy of the settings) is made per validator.
/// </summary>
internal sealed class ValidationServices
{
    private static readonly Lazy<ValidationServices> LazyDefault = new(() => new ValidationServices(ValidationArtifacts.Default));

    public ValidationServices(ValidationArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        Profiles = artifacts.Profiles;
        Resolver = new SynchronizedResolver(
            new CachedResolver(new MultiResolver(new InMemoryResourceResolver(artifacts.Copies()), CoreDefinitions.Create())));

        // Local only: our CodeSystems/ValueSets and core's, plus Firely's MIME-type and language services. The cache
        // keeps value-set checks from expanding the same value set on every validation.
        Terminology = new SynchronizedTerminologyService(new CachingTerminologyService(
            LocalTerminologyService.CreateDefaultForCore(Resolver), new MemoryCacheOptions(), new MemoryCacheEntryOptions()));
        Schemas = new SharedSchemaResolver(StructureDefinitionToElementSchemaResolver.Create(Resolver));
    }

    /// <summary>The services over the embedded conformance resources.</summary>
    public static ValidationServices Default => LazyDefault.Value;

    /// <summary>The resource profiles (canonical URL and resource type), for warming.</summary>
    public IReadOnlyList<(string Url, string Type)> Profiles { get; }

    /// <summary>Core definitions and our conformance resources, with snapshots.</summary>
    public SynchronizedResolver Resolver { get; }

    /// <summary>Code validation against our and core's value sets, offline.</summary>
    public SynchronizedTerminologyService Terminology { get; }

    /// <summary>Compiled schemas, compiled once each.</summary>
    public SharedSchemaResolver Schemas { get; }

    /// <summary>
    /// Firely's FHIRPath compiler for invariants, given to the validator for slice discriminators too: without it
    /// every validation builds a new symbol table and re-parses every discriminator path.
    /// </summary>
    public FhirPathCompiler FhirPathCompiler { get; } = FhirPathValidator.DefaultCompiler;

    /// <summary>A validator over these services: one per thread (Firely's validator keeps per-call state only, but is not documented thread-safe).</summary>
    public Validator CreateValidator() => new(
        Resolver, Terminology, referenceResolver: null, new ValidationSettings { FhirPathCompiler = FhirPathCompiler }, Schemas);
}
