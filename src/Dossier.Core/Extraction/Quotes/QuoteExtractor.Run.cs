using Dossier.Documents;

namespace Dossier.Extraction.Quotes;

public sealed partial class QuoteExtractor
{
    /// <summary>A speaker phrase and cue found around a quote, as token ranges.</summary>
    private readonly record struct Frame(int SpeakerFirst, int SpeakerEnd, int CueFirst, int CueEnd)
    {
        public static readonly Frame None = new(-1, -1, -1, -1);
        public bool Found => CueFirst >= 0;
        public bool HasSpeaker => SpeakerFirst >= 0 && SpeakerEnd > SpeakerFirst;
    }

    /// <summary>The state of one Process call: the document, and the quotes found so far (for anaphora).</summary>
    private sealed partial class Run(Document doc, QuoteLexicon lex, string by)
    {
        private readonly Document _d = doc;
        private readonly Token[] _t = doc.Tokens;
        // Character ranges that are not article prose for quote purposes (embedded posts and their attribution lines).
        private readonly List<(int Start, int End)> _blocked = new();
        // Character ranges inside quotation marks (marks included): indirect speech is not searched there.
        private readonly List<(int Start, int End)> _marked = new();
        // Quotations with no frame and no speaker yet that read as phrases, not sentences: the reported-speech passes may
        // still frame them ("The union called for "an immediate end …""); DropUnplaced removes those they did not.
        private readonly HashSet<Quote> _unplaced = new(ReferenceEqualityComparer.Instance);

        // ---------- token helpers ----------

        private ReadOnlySpan<char> W(int i) => _d.TokenText(i);
        private bool Is(int i, string s) => i >= 0 && i < _t.Length && W(i).Equals(s, StringComparison.OrdinalIgnoreCase);
        private bool In(int i, HashSet<string> set) => i >= 0 && i < _t.Length && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(i));
        private bool IsPunct(int i) => _t[i].Kind == TokenKind.Punct || _t[i].Kind == TokenKind.Symbol && _t[i].Length == 1 && !char.IsLetterOrDigit(_d.Text[_t[i].Start]);
        // A word ending in "-ing" ("adding", "saying"): a participle or gerund by its form.
        private bool IngForm(int i) => W(i).EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        private bool IsChar(int i, char c) => i >= 0 && i < _t.Length && _t[i].Length == 1 && _d.Text[_t[i].Start] == c;
        private bool IsQuoteMark(int i) => i >= 0 && i < _t.Length && _t[i].Length <= 2 && (_t[i].Length == 1 && _d.Text[_t[i].Start] is '"' or '“' or '”' or '«' or '»'
            || IsDoubledMark(i));
        // One of the two tokens of a '' or `` mark.
        private bool IsDoubledMark(int i)
        {
            int s = _t[i].Start;
            if (_t[i].Length != 1 || _d.Text[s] is not ('\'' or '`')) return false;
            char c = _d.Text[s];
            return s + 1 < _d.Text.Length && _d.Text[s + 1] == c || s > 0 && _d.Text[s - 1] == c;
        }
        private bool IsTerminal(int i) => _t[i].Kind == TokenKind.Punct && _d.Text[_t[i].Start] is '.' or '!' or '?' or ';' or '…';
        private bool IsWord(int i) => _t[i].Kind is TokenKind.Word or TokenKind.Number;
        private bool IsAdverbLy(int i) => _t[i].Has(TokenFlags.Lower) && _t[i].Length > 4 && W(i).EndsWith("ly", StringComparison.Ordinal);
        private bool IsCap(int i) => _t[i].Has(TokenFlags.Title) || _t[i].Has(TokenFlags.Upper) && _t[i].Kind == TokenKind.Word;

        /// <summary>The cue class at token i, and the token after the cue (multi-word cues span several tokens).</summary>
        private CueClass CueAt(int i, int limit, out int end)
        {
            end = i + 1;
            int len = lex.Phrases.Match(_d, i, limit, out var pc);
            if (len > 0) { end = i + len; return pc; }
            // Reporting verbs are lower case in prose; "Says" at a sentence start still counts, "Note" in a title does not matter.
            if (_t[i].Kind != TokenKind.Word || _t[i].Has(TokenFlags.Upper)) return CueClass.None;
            if (_t[i].Has(TokenFlags.Title) && !_t[i].Has(TokenFlags.SentenceStart)) return CueClass.None;
            // A cue's form used as a noun or an adjective is no cue ("EU states have to approve", "his declared interests",
            // "on state television").
            // The tag alone is not trusted ("Orange claims the service has …", "The pair claim they …" are tagged nouns): a
            // noun is one when no clause can follow it — a verb, a preposition or punctuation comes next ("EU states have to
            // approve", "the latest report said").
            if (_d.Syntax is { } syn && (syn.Relations[i] is "amod" or "compound" || syn.Tags[i] is Upos.NOUN or Upos.PROPN or Upos.ADJ && NoClauseAfter(i)))
                return CueClass.None;
            return lex.Verb(W(i));
        }

        private int SentenceOfToken(int ti) => _d.SentenceAt(_t[ti].Start);

        private bool NoClauseAfter(int i)
        {
            var syn = _d.Syntax!;
            int n = i + 1;
            if (n >= _d.Sentences[SentenceOfToken(i)].TokenEnd) return true;
            return syn.Tags[n] is Upos.AUX or Upos.VERB or Upos.ADP or Upos.PUNCT or Upos.CCONJ or Upos.PART && !IsQuoteMark(n);
        }

        private bool Blocked(int start, int end)
        {
            foreach (var (s, e) in _blocked) if (start < e && end > s) return true;
            return false;
        }

        private bool InsideMarks(int start, int end)
        {
            foreach (var (s, e) in _marked) if (start < e && end > s) return true;
            return false;
        }

        private int Words(int start, int end)
        {
            int n = 0;
            for (int i = _d.TokenAt(start); i < _t.Length && _t[i].Start < end; i++) if (IsWord(i)) n++;
            return n;
        }

        // ---------- social ----------

        /// <summary>Each embedded post becomes a Social quote of its author.</summary>
        public void Social()
        {
            foreach (var p in _d.Posts)
            {
                _blocked.Add((p.Start, p.End));
                if (p.TextEnd <= p.TextStart) continue;
                var q = new Quote { Start = p.TextStart, End = p.TextEnd, Kind = QuoteKind.Social, By = by };
                q.SpeakerText = p.AuthorName ?? p.Handle;
                q.Speaker = ActorByName(p.AuthorName, p.Handle);
                // The author's name or handle as it stands in the attribution line, when the line is part of the text.
                if (p.AttributionEnd > p.AttributionStart)
                {
                    foreach (var name in new[] { p.AuthorName, p.Handle })
                    {
                        if (string.IsNullOrEmpty(name)) continue;
                        int at = _d.Text.IndexOf(name, p.AttributionStart, p.AttributionEnd - p.AttributionStart, StringComparison.OrdinalIgnoreCase);
                        if (at < 0) continue;
                        q.SpeakerStart = at; q.SpeakerEnd = at + name.Length; q.SpeakerText = _d.Slice(at, at + name.Length);
                        break;
                    }
                }
                _d.Quotes.Add(q);
            }
        }

        /// <summary>The actor whose name or an alias equals one of the given names (handles compared without '@').</summary>
        private int ActorByName(params string?[] names)
        {
            for (int a = 0; a < _d.Actors.Count; a++)
            {
                var act = _d.Actors[a];
                foreach (var n in names)
                {
                    if (string.IsNullOrWhiteSpace(n)) continue;
                    var key = n.AsSpan().Trim().TrimStart('@');
                    if (key.Length == 0) continue;
                    if (act.Name.AsSpan().TrimStart('@').Equals(key, StringComparison.OrdinalIgnoreCase)) return a;
                    foreach (var al in act.Aliases)
                        if (al.AsSpan().TrimStart('@').Equals(key, StringComparison.OrdinalIgnoreCase)) return a;
                }
            }
            return -1;
        }
    }
}
