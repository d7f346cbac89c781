using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Snapshot;
using Hl7.Fhir.Specification.Source;

namespace Interop.Fhir.Validation;

/// <summary>
/// The project's conformance resources made ready for the validator: SUSHI writes differentials only, so every
/// StructureDefinition gets its snapshot here, once per process. Read-only afterwards; each validator works on
/// its own deep copies, because Firely's resolvers annotate and correct the definitions they hand out.
/// </summary>
internal sealed class ValidationArtifacts
{
    private static readonly Lazy<ValidationArtifacts> LazyDefault = new(() => Create(ConformanceResources.Load()));

    private ValidationArtifacts(IReadOnlyList<Resource> resources)
    {
        Resources = resources;
        Profiles = [.. resources.OfType<StructureDefinition>()
            .Where(sd => sd.Kind == StructureDefinition.StructureDefinitionKind.Resource && sd.Url is not null && sd.Type is not null)
            .Select(sd => (sd.Url!, sd.Type!))];
    }

    /// <summary>The embedded resources of <see cref="ConformanceResources"/>, with snapshots.</summary>
    public static ValidationArtifacts Default => LazyDefault.Value;

    /// <summary>The resources with snapshots: templates, never handed to a resolver as they are.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>The resource profiles (canonical URL and resource type), for warming a validator.</summary>
    public IReadOnlyList<(string Url, string Type)> Profiles { get; }

    /// <summary>Deep copies of <see cref="Resources"/> for one validator's resolver.</summary>
    public IEnumerable<Resource> Copies() => Resources.Select(r => (Resource)r.DeepCopy());

    /// <summary>Snapshots every StructureDefinition of <paramref name="resources"/> against FHIR core and each other.</summary>
    /// <exception cref="InvalidOperationException">A profile's snapshot cannot be generated (a broken profile, not a data problem).</exception>
    public static ValidationArtifacts Create(IEnumerable<Resource> resources)
    {
        var copies = resources.Select(r => (Resource)r.DeepCopy()).ToList();
        var resolver = new CachedResolver(new MultiResolver(new InMemoryResourceResolver(copies), CoreDefinitions.Create()));
        var generator = new SnapshotGenerator(resolver, SnapshotGeneratorSettings.CreateDefault());
        foreach (var definition in copies.OfType<StructureDefinition>().Where(sd => !sd.HasSnapshot))
        {
            // Once per process, at start; Firely's resolvers here are synchronous underneath. Task.Run keeps the wait
            // off any caller's synchronization context.
            System.Threading.Tasks.Task.Run(() => generator.UpdateAsync(definition)).GetAwaiter().GetResult();
            var errors = generator.Outcome?.Issue
                .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
                .Select(i => i.Details?.Text ?? i.Diagnostics)
                .ToList();
            if (errors is { Count: > 0 })
            {
                throw new InvalidOperationException($"The snapshot of profile '{definition.Url}' failed: {string.Join("; ", errors)}");
            }
        }

        return new ValidationArtifacts(copies);
    }
}
