using Dossier.Documents;
using Dossier.Evaluation;
using Dossier.Text;

namespace Dossier.Extraction.Entities.Tagging;

/// <summary>One training unit: a sentence of a segmented document and the gold label of each of its tokens.</summary>
internal readonly record struct LabelledSentence(Document Doc, int First, int End, int[] Gold, byte[] Rules);

/// <summary>Turns a token-level corpus (GMB layout) into documents segmented by our own tokenizer, with labels on our tokens.</summary>
/// <remarks>
/// Each corpus sentence is rebuilt by joining its words with single spaces and segmented exactly as an article is at run
/// time, so training sees the tokens, sentence breaks and flags the tagger will see. A token takes the tag of the corpus word
/// it starts; a token that starts inside a word continues that word's entity; an I- tag after O (a sentence break inside an
/// entity) becomes B-.
/// </remarks>
internal static class TrainingSet
{
    public static List<LabelledSentence> From(IEnumerable<NerSentence> sentences, TagSet tags)
    {
        var list = new List<LabelledSentence>();
        var segmenter = new Segmenter();
        foreach (var s in sentences)
        {
            if (s.Words.Length == 0) continue;
            var doc = new Document(s.Text);
            segmenter.Process(doc);
            var rules = RuleTags.For(doc);
            var wordStart = new int[s.Words.Length];
            var wordLabel = new int[s.Words.Length];
            for (int i = 0, at = 0; i < s.Words.Length; i++)
            {
                wordStart[i] = at;
                at += s.Words[i].Word.Length + 1;
                wordLabel[i] = tags.Parse(s.Words[i].Tag);
            }
            foreach (var sent in doc.Sentences)
            {
                int n = sent.TokenEnd - sent.FirstToken;
                if (n == 0) continue;
                var gold = new int[n];
                int lastWord = -1;
                for (int k = 0; k < n; k++)
                {
                    int start = doc.Tokens[sent.FirstToken + k].Start;
                    int w = Array.BinarySearch(wordStart, start);
                    bool atWordStart = w >= 0;
                    if (w < 0) w = Math.Max(0, ~w - 1);
                    int y = wordLabel[w];
                    if (!atWordStart && w == lastWord && y != 0) y = TagSet.Inside(TagSet.TypeOf(y));
                    int prev = k == 0 ? -1 : gold[k - 1];
                    if (TagSet.IsInside(y) && !TagSet.Allowed(prev, y)) y = TagSet.Begin(TagSet.TypeOf(y));
                    gold[k] = y;
                    lastWord = w;
                }
                list.Add(new LabelledSentence(doc, sent.FirstToken, sent.TokenEnd, gold, rules));
            }
        }
        return list;
    }
}
