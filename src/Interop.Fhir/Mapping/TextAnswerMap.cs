using System.Collections.Frozen;
using System.Text;
using Interop.Domain.Facts;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Mapping;

/// <summary>
/// The site's text answers (<c>Reading:TextAnswers</c>): a <c>valueString</c> matched whole, ignoring case, leading and
/// trailing spaces and repeated inner spaces, to an answer concept. Nothing else of a text is interpreted.
/// </summary>
internal sealed class TextAnswerMap
{
    private static readonly FrozenDictionary<string, Finding> Answers = new Dictionary<string, Finding>(StringComparer.OrdinalIgnoreCase)
    {
        [InputConceptCodes.Code(InputConcept.Positive)] = Finding.Positive,
        [InputConceptCodes.Code(InputConcept.Negative)] = Finding.Negative,
        [InputConceptCodes.Code(InputConcept.NotEvaluable)] = Finding.NotEvaluable,
        [InputConceptCodes.Code(InputConcept.PositiveNotQuantifiable)] = Finding.PositiveNotQuantifiable,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, Finding> _byText;

    private TextAnswerMap(FrozenDictionary<string, Finding> byText) => _byText = byText;

    public static TextAnswerMap Empty { get; } = new(FrozenDictionary<string, Finding>.Empty);

    public bool IsEmpty => _byText.Count == 0;

    /// <summary>The map of validated settings (see <see cref="Validate"/>).</summary>
    public static TextAnswerMap From(IReadOnlyDictionary<string, List<string>> settings)
    {
        var byText = new Dictionary<string, Finding>(StringComparer.OrdinalIgnoreCase);
        foreach (var (answer, texts) in settings)
        {
            if (Answers.TryGetValue(answer, out var finding))
            {
                foreach (var text in texts.Select(Normalise).Where(t => t.Length > 0))
                {
                    byText[text] = finding;
                }
            }
        }

        return byText.Count == 0 ? Empty : new(byText.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    public static IEnumerable<string> Validate(IReadOnlyDictionary<string, List<string>> settings, string setting)
    {
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (answer, texts) in settings.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (!Answers.ContainsKey(answer))
            {
                yield return $"{setting}:{answer} is not an answer concept (positive, negative, not-evaluable, positive-not-quantifiable)";
                continue;
            }

            for (var i = 0; i < texts.Count; i++)
            {
                var text = Normalise(texts[i]);
                if (text.Length == 0)
                {
                    yield return $"{setting}:{answer}:{i} is empty";
                }
                else if (owner.TryGetValue(text, out var other) && !string.Equals(other, answer, StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"{setting}:{answer}:{i} is also listed under {other}";
                }
                else
                {
                    owner[text] = answer;
                }
            }
        }
    }

    public bool TryRead(string text, out Finding finding) => _byText.TryGetValue(Normalise(text), out finding);

    // Trimmed, inner runs of white space as one space; case is ignored by the comparer.
    private static string Normalise(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        foreach (var word in (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length > 0 ? " " : string.Empty).Append(word);
        }

        return builder.ToString();
    }
}
