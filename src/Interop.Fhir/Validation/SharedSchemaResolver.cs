using System.Collections.Concurrent;
// ElementSchema is marked experimental by Firely; it is the type IElementSchemaResolver (not experimental) returns.
#pragma warning disable ExperimentalApi
using Firely.Fhir.Validation;
using SchemaUri = Firely.Fhir.Validation.Canonical;

namespace Interop.Fhir.Validation;

/// <summary>
/// Compiled validation schemas shared by every validator of the process. Firely's compiled schemas are immutable
/// apart from their own concurrent caches (compiled FHIRPath), so they can be used from several threads; the
/// compiler is not (it reads through a resolver that annotates what it returns), so schemas are compiled one at
/// a time and each only once.
/// </summary>
internal sealed class SharedSchemaResolver(IElementSchemaResolver compiler) : IElementSchemaResolver
{
    private readonly ConcurrentDictionary<SchemaUri, ElementSchema?> _schemas = new();
    private readonly Lock _compiling = new();

    /// <summary>How many schemas have been compiled (resolved at least once).</summary>
    public int Count => _schemas.Count;

    public ElementSchema? GetSchema(SchemaUri schemaUri)
    {
        if (_schemas.TryGetValue(schemaUri, out var schema))
        {
            return schema;
        }

        lock (_compiling)
        {
            if (!_schemas.TryGetValue(schemaUri, out schema))
            {
                schema = compiler.GetSchema(schemaUri);
                _schemas[schemaUri] = schema;
            }

            return schema;
        }
    }
}
