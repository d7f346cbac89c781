namespace Interop.Fhir.Mapping;

/// <summary>
/// Groups Patient ids into persons over replaced-by / replaces links (union-find, both directions) and picks
/// each person's surviving id: the one no link says was replaced.
/// </summary>
internal sealed class PersonIndex
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _replaced = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _survivors;

    public void Add(string id) => _parent.TryAdd(id, id);

    /// <summary><paramref name="replaced"/> was replaced by <paramref name="survivor"/>.</summary>
    public void Replace(string replaced, string survivor)
    {
        Add(replaced);
        Add(survivor);
        _replaced.Add(replaced);
        var a = Root(replaced);
        var b = Root(survivor);
        if (a != b)
        {
            _parent[a] = b;
        }
    }

    /// <summary>
    /// Fixes the survivors. Preference: not replaced, then has a Patient resource, then ordinal order; the last two
    /// only matter for contradictory links (a cycle, or one record replaced by two), which stay deterministic.
    /// </summary>
    public void Seal(Func<string, bool> hasPatientResource)
    {
        _survivors = _parent.Keys
            .GroupBy(Root, StringComparer.Ordinal)
            .SelectMany(person =>
            {
                var survivor = person
                    .OrderBy(id => _replaced.Contains(id))
                    .ThenBy(id => !hasPatientResource(id))
                    .ThenBy(id => id, StringComparer.Ordinal)
                    .First();
                return person.Select(id => (id, survivor));
            })
            .ToDictionary(x => x.id, x => x.survivor, StringComparer.Ordinal);
    }

    /// <summary>The surviving id of the person <paramref name="id"/> belongs to (after <see cref="Seal"/>).</summary>
    public string SurvivorOf(string id) =>
        (_survivors ?? throw new InvalidOperationException("Seal first.")).TryGetValue(id, out var s) ? s : id;

    /// <summary>The number of distinct persons.</summary>
    public int PersonCount => _parent.Keys.Select(Root).Distinct(StringComparer.Ordinal).Count();

    private string Root(string id)
    {
        var root = id;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }

        // Path compression keeps long replaced-by chains cheap.
        while (_parent[id] != root)
        {
            var next = _parent[id];
            _parent[id] = root;
            id = next;
        }

        return root;
    }
}
