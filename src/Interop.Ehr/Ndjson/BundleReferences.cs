using System.Collections;
using Hl7.Fhir.Model;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// Inside a Bundle a reference may name another entry by its fullUrl (Synthea writes <c>urn:uuid:...</c>); FHIR
/// resolves it to that entry's resource. Rewriting such references to <c>Type/id</c> lets every mapper read them as it
/// reads an export's references. References that name no entry are left as written.
/// </summary>
internal static class BundleReferences
{
    public static void Resolve(Base element, IReadOnlyDictionary<string, string> fullUrls)
    {
        if (element is ResourceReference { Reference: { } text } reference && fullUrls.TryGetValue(text, out var resolved))
        {
            reference.Reference = resolved;
        }

        foreach (var (_, value) in element.EnumerateElements())
        {
            switch (value)
            {
                case Base child:
                    Resolve(child, fullUrls);
                    break;
                case string:
                    break;
                case IEnumerable children:
                    foreach (var item in children)
                    {
                        if (item is Base b)
                        {
                            Resolve(b, fullUrls);
                        }
                    }

                    break;
            }
        }
    }
}
