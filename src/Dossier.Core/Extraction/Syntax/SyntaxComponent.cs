using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Extraction.Syntax;

/// <summary>One word as the parser saw it: its span of the text, tag, lemma, head (word index within the sentence, -1
/// for the root) and relation.</summary>
public readonly record struct ParsedWord(int Start, int End, string Form, Upos Tag, string Lemma, int Head, string Relation);

/// <summary>The <c>syntax</c> component: part of speech, lemma, head and UD relation for every token (the
/// <see cref="SyntaxLayer"/>), from the trained <see cref="SyntaxModel"/>.</summary>
/// <remarks>Each sentence is cut into the words UD would see (<see cref="SyntaxWords"/>), tagged, lemmatised and parsed;
/// the words are then folded back onto the tokens. Checks the article's time budget once per sentence. Immutable and
/// thread-safe.</remarks>
[Component("syntax")]
public sealed class SyntaxComponent : IComponent
{
    public static readonly ComponentInfo Component = new("syntax", "1.0", [Layers.Syntax], [Layers.Tokens, Layers.Sentences]);
    public ComponentInfo Info => Component;

    private readonly SyntaxModel _model;

    public SyntaxComponent() : this(SyntaxModel.Default) { }
    public SyntaxComponent(SyntaxModel model) => _model = model;

    public void Process(Document doc)
    {
        var layer = new SyntaxLayer(doc.Tokens.Length);
        foreach (var s in doc.Sentences)
        {
            doc.CheckBudget(Component.Name);
            var words = SyntaxWords.Of(doc, s);
            var a = _model.Analyse(words.Forms, words.SpaceAfter());
            Fold(words, a, layer, s);
        }
        doc.Syntax = layer;
    }

    /// <summary>The words of one sentence with their analysis (for <c>dossier parse</c>: UD's words, not the tokens).</summary>
    public IReadOnlyList<ParsedWord> Parse(Document doc, Sentence sentence)
    {
        var words = SyntaxWords.Of(doc, sentence);
        var a = _model.Analyse(words.Forms, words.SpaceAfter());
        var list = new ParsedWord[words.Forms.Length];
        for (int i = 0; i < list.Length; i++)
            list[i] = new ParsedWord(words.Starts[i], words.Ends[i], words.Forms[i], a.Tags[i], a.Lemmas[i], a.Heads[i], a.Relations[i]);
        return list;
    }

    // Each token takes the analysis of its word that attaches outside it (the head of "HTS-held" is "held"), and the
    // lemmas of its words joined as written ("HTS-hold").
    private static void Fold(SyntaxWords words, SentenceAnalysis a, SyntaxLayer layer, Sentence s)
    {
        int w = 0, n = words.Forms.Length;
        for (int t = s.FirstToken; t < s.TokenEnd; t++)
        {
            int first = w;
            while (w < n && words.TokenOf[w] == t) w++;
            if (w == first) { layer.Tags[t] = Upos.X; layer.Lemmas[t] = ""; layer.Heads[t] = -1; layer.Relations[t] = "dep"; continue; }
            int main = first;
            for (int k = first; k < w; k++)
            {
                int h = a.Heads[k];
                if (h < 0 || words.TokenOf[h] != t) { main = k; break; }
            }
            layer.Tags[t] = a.Tags[main];
            layer.Relations[t] = a.Relations[main];
            layer.Heads[t] = a.Heads[main] < 0 ? -1 : words.TokenOf[a.Heads[main]];
            layer.Lemmas[t] = w - first == 1 ? a.Lemmas[first] : string.Concat(a.Lemmas.AsSpan(first, w - first).ToArray());
        }
    }
}
