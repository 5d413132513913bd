using Dossier.Documents;
using Dossier.Extraction.Entities.Tagging;
using Dossier.Pipeline;

namespace Dossier.Extraction.Entities;

/// <summary>The "ner" component: named entities (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, LAW) and MONEY.</summary>
/// <remarks>
/// <para>Six steps (docs/components/ner.md). (1) The trained sequence tagger (<see cref="SequenceTagger"/>, an averaged
/// structured perceptron over words, shapes, affixes, gazetteer, lexicon and rule features) labels each sentence in the
/// GMB scheme (per, org, geo, gpe) and makes the document agree with itself. (2) A dictionary layer corrects the model
/// where the dictionary is certain (countries, demonyms, hand-listed names, whole multi-word town names) and adds listed
/// names it missed. (3) Spans become contract entities: per → PERSON without its titles ("Prime Minister Tony Blair" →
/// "Tony Blair"; roles are extracted by actors), geo → GPE, LOC or FAC, gpe → NORP. (4) The rule recogniser's candidates
/// add the types GMB lacks, the longer names the model cut in pieces and names it left out. (5)
/// <see cref="DocumentConsistency"/>: one type per name, parts of full person names, defined acronyms. (6) Money and
/// social-post authors.</para>
/// <para><c>eval ner</c> scores step (1) alone, in GMB's own labels and conventions: GMB tags religious and political
/// groups O or org, some countries org, and titles inside persons, so the corrections that make the contract's types
/// would count as errors there.</para>
/// Immutable after construction and safe across threads (scratch buffers are per thread).
/// </remarks>
[Component("ner")]
public sealed class EntityRecognizer : IComponent
{
    /// <summary>Name, version, the layer it writes and the layers it reads.</summary>
    public static readonly ComponentInfo Component = new("ner", "2.4", [Layers.Entities], [Layers.Tokens, Layers.Sentences]);
    /// <inheritdoc/>
    public ComponentInfo Info => Component;

    private readonly TaggerModel _model;
    private readonly NerLexicon _lex;
    private readonly RuleClassifier _rules = new();
    private readonly int _per, _org, _geo, _gpe;

    /// <summary>A recogniser with the built-in model (data/models/ner-gmb.bin.gz).</summary>
    /// <summary>Most words of a hand-listed name looked up over the model's spans ("Islamic State of Iraq and the Levant").</summary>
    public const int MaxListedTokens = 8;
    /// <summary>Fewest words a hand-listed name needs to replace the model's pieces of it.</summary>
    public const int MinPieceListedTokens = 3;

    public EntityRecognizer() : this(NerModels.Default) { }

    /// <summary>A recogniser with another trained model (its types must use the GMB names per, org, geo, gpe).</summary>
    public EntityRecognizer(TaggerModel model)
    {
        _model = model;
        _lex = NerLexicon.Instance;
        _per = model.Tags.IndexOf("per"); _org = model.Tags.IndexOf("org");
        _geo = model.Tags.IndexOf("geo"); _gpe = model.Tags.IndexOf("gpe");
    }

    /// <inheritdoc/>
    public void Process(Document doc)
    {
        var by = Component.Id;
        var spans = new List<TaggedSpan>();
        var candidates = new List<NameCandidate>();
        var rules = RuleTags.For(doc, candidates);
        SequenceTagger.ForThread(_model).TagDocument(doc, rules, spans);
        CorrectAll(doc, spans);

        var ruleSpans = new HashSet<(int, int)>();
        foreach (var c in candidates) ruleSpans.Add((c.FirstToken, c.TokenEnd));
        var typed = new List<(NameCandidate, EntityDecision)>(spans.Count);
        foreach (var sp in spans)
        {
            if (EntityOutput.InAttribution(doc, doc.Tokens[sp.First].Start, doc.Tokens[sp.End - 1].End)) continue;
            ToEntities(doc, sp, ruleSpans, typed);
        }
        AddRuleEntities(doc, candidates, typed);
        NameEvidence.Apply(doc, _lex, typed);
        DocumentConsistency.Apply(doc, _lex, typed);

        EntityOutput.Emit(doc, by, typed);
    }

    // Step 2b: the rule recogniser's candidates where they know better than a GMB-trained model: types GMB does not have
    // (FAC, EVENT, LAW, PRODUCT, WORK_OF_ART) replace what they cover, and names the model left out are added.
    private void AddRuleEntities(Document doc, List<NameCandidate> candidates, List<(NameCandidate C, EntityDecision D)> typed)
    {
        // The model's entities are sorted and disjoint, so the ones a candidate overlaps are found by binary search;
        // removals and additions are applied at the end (an article with 100,000 names stays linear).
        typed.Sort((x, y) => x.C.Start.CompareTo(y.C.Start));
        var removed = new bool[typed.Count];
        var added = new List<(NameCandidate, EntityDecision)>();
        var over = new List<int>();
        foreach (var found in candidates)
        {
            var c = found;
            // A candidate that opens with a title phrase ("Executive Secretary of the Intergovernmental Authority on
            // Development") is the name after it.
            if (OrgAfterTitle(doc, c.FirstToken, c.TokenEnd) is int from)
                c = c with { FirstToken = from, Start = doc.Tokens[from].Start };
            if (EntityOutput.InAttribution(doc, c.Start, c.End) || CompletesTitle(doc, c.FirstToken, c.TokenEnd)) continue;
            var d = _rules.Classify(doc, c);
            if (!d.IsEntity) continue;
            bool special = d.Type is EntityType.FAC or EntityType.EVENT or EntityType.LAW or EntityType.PRODUCT or EntityType.WORK_OF_ART;
            over.Clear();
            for (int i = FirstEndingAfter(typed, c.Start); i < typed.Count && typed[i].C.Start < c.End; i++)
                if (!removed[i] && typed[i].C.End > c.Start) over.Add(i);
            if (over.Count == 1 && typed[over[0]].C.Start == c.Start && typed[over[0]].C.End == c.End)
            {
                // Same span, other type: a confident rule decision beats an unsure model ("UN chief Ban Ki-moon").
                var md = typed[over[0]].D;
                bool certainPlace = CertainPlace(doc, c);
                if (md.Type != d.Type && !certainPlace && (d.Score >= 0.6f && d.Score > md.Score + 0.1f || d.Type == EntityType.PERSON && PersonContext(doc, c)))
                    typed[over[0]] = (typed[over[0]].C, d);
                continue;
            }
            if (over.Count == 0)
            {
                if (special ? d.Score >= 0.5f : d.Score >= RuleAddScore) added.Add((c, d));
                continue;
            }
            // Replace only when the rule span covers every overlapping model span and is longer than they are together:
            // "Heathrow Airport" over "Heathrow", "Syrian Army" over "Syrian" + "Army", "Committee to Protect Journalists"
            // over "Committee" + "Protect Journalists".
            // Never over a person the model is sure of, nor across "and" or a comma between two model spans ("Google and
            // Mohamed") unless the name defines an acronym ("Islamic State of Iraq and Syria (ISIS)").
            bool covers = true;
            int covered = 0, lastEnd = -1;
            foreach (int i in over)
            {
                var (m, md) = typed[i];
                // A country or other certain place of the gazetteer is whole even over a sure person: "Sri Lanka" read as
                // the person "Sri" and the nationality "Lanka".
                if (m.Start < c.Start || m.End > c.End || md.Type == EntityType.PERSON && md.Score >= 0.75f && !CertainPlace(doc, c)) { covers = false; break; }
                if (lastEnd >= 0 && Joins(doc, lastEnd, m.Start) && !c.Has(CandidateCues.DefinesAcronym)) { covers = false; break; }
                covered += m.End - m.Start;
                lastEnd = m.End;
            }
            if (!covers || covered >= c.End - c.Start) continue;
            bool replace = special ? d.Score >= 0.5f
                : d.Score >= RuleMergeScore && (over.Count > 1 || d.Type == typed[over[0]].D.Type || c.Has(CandidateCues.DefinesAcronym));
            if (!replace) continue;
            foreach (int i in over) removed[i] = true;
            added.Add((c, d));
        }
        if (added.Count == 0 && Array.IndexOf(removed, true) < 0) return;
        var kept = new List<(NameCandidate C, EntityDecision D)>(typed.Count + added.Count);
        for (int i = 0; i < typed.Count; i++) if (!removed[i]) kept.Add(typed[i]);
        kept.AddRange(added);
        kept.Sort((x, y) => x.C.Start.CompareTo(y.C.Start));
        typed.Clear();
        typed.AddRange(kept);
    }

    // Index of the first entity (sorted, disjoint) that ends after the offset.
    private static int FirstEndingAfter(List<(NameCandidate C, EntityDecision D)> typed, int offset)
    {
        int lo = 0, hi = typed.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (typed[mid].C.End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    // The candidate is a place the gazetteer is certain of (a country, a capital, a large town: weight 9 or more).
    private bool CertainPlace(Document doc, NameCandidate c) => _lex.TryPlace(doc.Span(c.Start, c.End), out var p) && p.Weight >= 9;

    // A title or a person cue just before the name ("Mr.", "chief", "spokesman"): the rules' PERSON is then safe.
    private bool PersonContext(Document doc, NameCandidate c) =>
        c.Has(CandidateCues.Titled) || c.FirstToken > 0 && _lex.Is(doc.TokenText(c.FirstToken - 1), Cue.PersonBefore | Cue.Title | Cue.TitleHead);

    private static bool Joins(Document doc, int from, int to)
    {
        var gap = doc.Span(from, to);
        return gap.Contains(',') || gap.Contains(" and ", StringComparison.Ordinal);
    }

    /// <summary>Rule score above which a name the model left out is added.</summary>
    private const float RuleAddScore = 0.2f;
    /// <summary>Rule score above which a longer rule name replaces the model's pieces of it.</summary>
    private const float RuleMergeScore = 0.6f;

    // Step 2 over every sentence (spans are sorted by token).
    private void CorrectAll(Document doc, List<TaggedSpan> spans)
    {
        var all = new List<TaggedSpan>(spans.Count + 8);
        var one = new List<TaggedSpan>();
        int i = 0;
        foreach (var s in doc.Sentences)
        {
            one.Clear();
            while (i < spans.Count && spans[i].First < s.TokenEnd) one.Add(spans[i++]);
            Correct(doc, s, one, 0);
            all.AddRange(one);
        }
        while (i < spans.Count) all.Add(spans[i++]);
        spans.Clear();
        spans.AddRange(all);
    }

    // The dictionary layer over one sentence's spans [from, end of list).
    private void Correct(Document doc, Sentence s, List<TaggedSpan> spans, int from)
    {
        for (int i = from; i < spans.Count; i++)
        {
            var sp = spans[i];
            var text = doc.Span(doc.Tokens[sp.First].Start, doc.Tokens[sp.End - 1].End);
            if (_lex.TryKnown(text, out var known))
            {
                int t = GmbType(known);
                if (t >= 0 && t != sp.Type) spans[i] = sp with { Type = t, Score = Math.Max(sp.Score, 0.9f) };
            }
            else if (_lex.TryPlace(text, out var g))
            {
                // Countries (weight 10) and demonyms (9) are certain; a city name may also be a person or a club.
                if (g.Type == EntityType.NORP && _gpe >= 0 && sp.Type != _gpe && g.Weight >= 9) spans[i] = sp with { Type = _gpe, Score = Math.Max(sp.Score, 0.9f) };
                else if (g.Type == EntityType.GPE && g.Weight >= 10 && _geo >= 0 && sp.Type != _geo && sp.Type != _gpe)
                    spans[i] = sp with { Type = _geo, Score = Math.Max(sp.Score, 0.9f) };
                // A sizeable town the model could only guess at ("attacked Raqqa"): trust the gazetteer.
                else if (g.Type == EntityType.GPE && g.Weight >= 4.5f && sp.Type == _per && sp.Score < 0.7f && sp.End - sp.First == 1 && _geo >= 0)
                    spans[i] = sp with { Type = _geo, Score = 0.7f };
                // A whole multi-word town name ("El Fasher", "Abu Dhabi") is rarely anything else.
                else if (g.Type == EntityType.GPE && g.Weight >= 4.5f && sp.End - sp.First >= 2 && _geo >= 0 && sp.Type == _org
                         && (_lex.CuesOf(doc.TokenText(sp.End - 1)) & (Cue.OrgHead | Cue.FacHead)) == 0)
                    spans[i] = sp with { Type = _geo, Score = Math.Max(sp.Score, 0.8f) };
            }
        }
        int end = s.TokenEnd, first = s.FirstToken;
        // Long hand-listed names the model cut into pieces ("Islamic State of Iraq" + "Levant"): the listed name, when
        // every span it overlaps lies inside it.
        for (int k = first; k < end; k++)
        {
            var tok = doc.Tokens[k];
            if (!tok.Has(TokenFlags.Title) && !tok.Has(TokenFlags.Upper)) continue;
            for (int len = Math.Min(MaxListedTokens, end - k); len >= MinPieceListedTokens; len--)
            {
                var text = doc.Span(tok.Start, doc.Tokens[k + len - 1].End);
                if (text.Length > 80 || !_lex.TryKnown(text, out var known) || GmbType(known) is var t && t < 0) continue;
                bool inside = true;
                for (int i = from; i < spans.Count && inside; i++)
                    if (spans[i].First < k + len && spans[i].End > k)
                        inside = spans[i].First >= k && spans[i].End <= k + len && !(spans[i].First == k && spans[i].End == k + len);
                if (!inside) continue;
                for (int i = spans.Count - 1; i >= from; i--)
                    if (spans[i].First >= k && spans[i].End <= k + len) spans.RemoveAt(i);
                spans.Add(new TaggedSpan(k, k + len, t, 0.85f));
                k += len - 1;
                break;
            }
        }
        // Hand-listed names the model left out: longest first, only over tokens no span covers.
        var covered = new bool[end - first];
        for (int i = from; i < spans.Count; i++)
            for (int k = Math.Max(spans[i].First, first); k < spans[i].End && k < end; k++) covered[k - first] = true;
        for (int k = first; k < end; k++)
        {
            var tok = doc.Tokens[k];
            if (!tok.Has(TokenFlags.Title) && !tok.Has(TokenFlags.Upper)) continue;
            if (covered[k - first]) continue;
            for (int len = Math.Min(5, end - k); len >= 1; len--)
            {
                if (covered[k + len - 1 - first]) continue;
                var text = doc.Span(tok.Start, doc.Tokens[k + len - 1].End);
                if (text.Length > 60 || !_lex.TryKnown(text, out var known)) continue;
                int t = GmbType(known);
                if (t < 0) continue;
                // A bare all-caps acronym at a sentence start may be shouting ("AN OWL"); only listed acronyms of 2+ letters count.
                if (len == 1 && text.Length < 2) continue;
                spans.Add(new TaggedSpan(k, k + len, t, 0.85f));
                k += len - 1;
                break;
            }
        }
        if (spans.Count - from > 1) spans.Sort(from, spans.Count - from, Comparer<TaggedSpan>.Create((a, b) => a.First.CompareTo(b.First)));
    }

    private int GmbType(EntityType t) => t switch
    {
        EntityType.PERSON => _per,
        EntityType.ORG => _org,
        EntityType.GPE or EntityType.LOC => _geo,
        EntityType.NORP => _gpe,
        _ => -1,
    };

    // Step 3: GMB spans as contract entities (a span may give none: a title alone; or two: "NATO Secretary-General Jaap de
    // Hoop Scheffer" → NATO and Jaap de Hoop Scheffer).
    private void ToEntities(Document doc, TaggedSpan sp, HashSet<(int, int)> ruleSpans, List<(NameCandidate, EntityDecision)> into)
    {
        int a = sp.First, b = sp.End;
        // Two names joined by "and" where the rules see two ("Bank of England and Barclays"); "Ernst & Young" and
        // "Ministry of Trade and Industry" stay whole because the rules keep them whole.
        for (int m = a + 1; m < b - 1; m++)
            if (doc.TokenText(m) is "and" && ruleSpans.Contains((a, m)) && ruleSpans.Contains((m + 1, b)))
            {
                ToEntities(doc, sp with { End = m }, ruleSpans, into);
                ToEntities(doc, sp with { First = m + 1 }, ruleSpans, into);
                return;
            }
        // A leading "The" is not part of the name ("The Associated Press").
        if (b - a > 1 && doc.TokenText(a) is "The" or "the") a++;
        // A title inside a span of any type ends an organisation or country and starts a person:
        // "UN Secretary-General Ban Ki-moon", "State Antony Blinken" after "Secretary of".
        int title = -1;
        for (int k = b - 2; k >= a; k--)
            if (_lex.Is(doc.TokenText(k), Cue.TitleHead) && (doc.Tokens[k + 1].Has(TokenFlags.Title)
                    || k + 2 < b && NameEvidence.IsSurnameParticle(doc.TokenText(k + 1)) && doc.Tokens[k + 2].Has(TokenFlags.Title))) { title = k; break; }
        if (title >= a && sp.Type != _per)
        {
            // The part before the title: "UN", "NATO", "Russian" … (its own type from the dictionary when it knows it),
            // less the words of a longer title ("UN Special Envoy", "EU Foreign Policy Chief").
            int head = title;
            while (head > a && (_lex.Is(doc.TokenText(head - 1), Cue.Title | Cue.TitleHead) || doc.TokenText(head - 1) is "Special" or "Policy" or "High" or "Assistant" or "Permanent" or "Principal"))
                head--;
            if (head > a && ToEntity(doc, new TaggedSpan(a, head, sp.Type, sp.Score)) is { } h) into.Add(h);
            sp = new TaggedSpan(title + 1, b, _per, sp.Score);
            a = title + 1;
        }
        else if (sp.Type != _per && AfterTitleOf(doc, a, b) is int named && named > a)
        {
            sp = new TaggedSpan(named, b, _per, sp.Score);
            a = named;
        }
        // Two names written with a slash ("Jolani/Sharaa"): each is a name of its own.
        if (b - a == 1 && SplitSlash(doc, sp, into)) return;
        for (int m = a + 1; m < b - 1; m++)
            if (doc.TokenText(m) is "/")
            {
                ToEntities(doc, sp with { First = a, End = m }, ruleSpans, into);
                ToEntities(doc, sp with { First = m + 1, End = b }, ruleSpans, into);
                return;
            }
        // What is left of a title phrase on its own ("State" of "Secretary of State") is no name.
        if (sp.Type != _per && AfterTitleOf(doc, a, b + 1) is int n && n >= b) return;
        if (ToEntity(doc, sp with { First = a }) is { } e) into.Add(e);
    }

    private bool SplitSlash(Document doc, TaggedSpan sp, List<(NameCandidate, EntityDecision)> into)
    {
        var w = doc.TokenText(sp.First);
        int slash = w.IndexOf('/');
        if (slash <= 1 || slash >= w.Length - 2 || w[(slash + 1)..].Contains('/') || !char.IsUpper(w[0]) || !char.IsUpper(w[slash + 1])) return false;
        int start = doc.Tokens[sp.First].Start;
        var type = sp.Type == _per ? EntityType.PERSON : sp.Type == _org ? EntityType.ORG : sp.Type == _gpe ? EntityType.NORP : EntityType.GPE;
        into.Add((new NameCandidate(start, start + slash, sp.First, sp.End, CandidateCues.SubToken), new EntityDecision(type, Math.Min(sp.Score, 0.6f), true)));
        into.Add((new NameCandidate(start + slash + 1, start + w.Length, sp.First, sp.End, CandidateCues.SubToken), new EntityDecision(type, Math.Min(sp.Score, 0.6f), true)));
        return true;
    }

    // "Executive Secretary of the Intergovernmental Authority": an organisation span that opens with a title and "of
    // (the)" starts after them; returns the new start or null.
    private int? OrgAfterTitle(Document doc, int a, int b)
    {
        int k = a;
        while (k < b && (_lex.Is(doc.TokenText(k), Cue.Title | Cue.TitleHead) || doc.Tokens[k].Has(TokenFlags.Title) && k + 1 < b && _lex.Is(doc.TokenText(k + 1), Cue.Title | Cue.TitleHead))) k++;
        if (k == a || k >= b || doc.TokenText(k) is not "of") return null;
        k++;
        if (k < b && doc.TokenText(k) is "the") k++;
        return k < b ? k : null;
    }

    // "Secretary of State Antony Blinken": when the span follows "<title> of", its leading common words ("State",
    // "Foreign Affairs") finish the title; returns where the name starts, or null.
    private int? AfterTitleOf(Document doc, int a, int b)
    {
        if (a < 2 || doc.TokenText(a - 1) is not "of" || !_lex.Is(doc.TokenText(a - 2), Cue.Title | Cue.TitleHead)) return null;
        int k = a;
        while (k < b - 1 && k < doc.Tokens.Length && TitleWord(doc.TokenText(k), out _)) k++;
        // "Minister of Foreign Affairs": the last word finishes the title too when it is common and never a person's in
        // GMB ("Affairs", not the "Rice" of "Secretary of State Rice"): nothing is left.
        if (k == b - 1 && k > a && k < doc.Tokens.Length && TitleWord(doc.TokenText(k), out var never) && never) return b;
        return k > a && b - k <= 4 ? k : null;
    }

    // A word that can finish a title phrase ("State", "Foreign", "Affairs"): common in news text; neverPerson when GMB
    // never has it inside a person's name (not the "Rice" of "Secretary of State Rice").
    private bool TitleWord(ReadOnlySpan<char> w, out bool neverPerson)
    {
        neverPerson = false;
        if (!_lex.TryStat(w, out var st) || !(st.IsCommonWord || st.LowerMid >= 20)) return false;
        neverPerson = st.Per == 0;
        return true;
    }

    // "Affairs" of "the Minister of Foreign Affairs": a span of common words never a person's in GMB, after "<title> of"
    // and common words, finishes the title and names nobody.
    private bool CompletesTitle(Document doc, int a, int b)
    {
        for (int k = a; k < b; k++)
            if (!TitleWord(doc.TokenText(k), out bool never) || !never) return false;
        int j = a - 1;
        while (j >= 0 && doc.Tokens[j].Has(TokenFlags.Title) && TitleWord(doc.TokenText(j), out _)) j--;
        return j >= 1 && doc.TokenText(j) is "of" && _lex.Is(doc.TokenText(j - 1), Cue.Title | Cue.TitleHead);
    }

    // One GMB span as a contract entity, or null when nothing of it is a name (a title alone: "President").
    private (NameCandidate, EntityDecision)? ToEntity(Document doc, TaggedSpan sp)
    {
        int a = sp.First, b = sp.End;
        // Quotation marks and brackets at the edges are not part of the name ('"Abou Hamza"').
        while (a < b && doc.Tokens[a].Kind == TokenKind.Punct) a++;
        while (b > a && doc.Tokens[b - 1].Kind == TokenKind.Punct) b--;
        if (b <= a) return null;
        var cues = CandidateCues.None;
        EntityType type;
        // A title alone is no name ("Brigadier" of "Brigadier General Khalid Osman Idris").
        if (b - a == 1 && _lex.Is(doc.TokenText(a), Cue.Title | Cue.TitleHead)) return null;
        if (_lex.TryKnown(doc.Span(doc.Tokens[a].Start, doc.Tokens[b - 1].End), out var listed)) type = listed;
        else if (sp.Type == _per)
        {
            // Drop the titles GMB counts in: everything up to the last title word, then lower-case words that are not
            // name particles ("president Bill Clinton"; "bin Laden" keeps its "bin").
            int lastTitle = -1;
            for (int k = a; k < b - 1; k++)
                if (_lex.Is(doc.TokenText(k), Cue.Title | Cue.TitleHead)) lastTitle = k;
            // A title word opening an organisation's or an event's name is no title: "General Motors", "General Election",
            // "General Assembly" (one head word after it).
            // (The tagger may leave the title outside: "General" before a span "Motors".)
            if (lastTitle < 0 && b - a == 1 && a > 0 && _lex.Is(doc.TokenText(a - 1), Cue.Title | Cue.TitleHead)
                && doc.Tokens[a - 1].Has(TokenFlags.Title) && _lex.Is(doc.TokenText(a), Cue.OrgHead | Cue.EventHead)) { a--; lastTitle = a; }
            if (lastTitle >= 0 && lastTitle == b - 2 && lastTitle == a && _lex.Is(doc.TokenText(b - 1), Cue.OrgHead | Cue.EventHead))
                type = _lex.Is(doc.TokenText(b - 1), Cue.EventHead) ? EntityType.EVENT : EntityType.ORG;
            else
            {
                if (lastTitle >= 0) { a = lastTitle + 1; cues |= CandidateCues.Titled; }
                while (a < b - 1 && (IsLowerWord(doc, a) && !_lex.Is(doc.TokenText(a), Cue.Particle) || doc.Tokens[a].Kind == TokenKind.Punct)) a++;
                if (AfterTitleOf(doc, a, b) is int named) a = named;
                if (a >= b) return null;
                if (b - a == 1 && _lex.Is(doc.TokenText(a), Cue.Title | Cue.TitleHead)) return null;
                // What a title phrase was about, not a person: "Special Envoy for Yemen" → Yemen.
                var rest = doc.Span(doc.Tokens[a].Start, doc.Tokens[b - 1].End);
                if (a > sp.First && _lex.TryPlace(rest, out var rp) && rp.Weight >= 9) type = rp.Type;
                else type = AllGroupWords(doc, a, b) ? EntityType.NORP : EntityType.PERSON;
            }
        }
        else if (sp.Type == _org && OrgAfterTitle(doc, a, b) is int orgStart && orgStart > a)
        {
            a = orgStart;
            type = HeadType(doc, a, b) ?? EntityType.ORG;
        }
        else if (sp.Type == _org) type = HeadType(doc, a, b) ?? (AllGroupWords(doc, a, b) ? EntityType.NORP : EntityType.ORG);
        else if (sp.Type == _geo) type = GeoType(doc, a, b);
        else if (sp.Type == _gpe)
        {
            var text = doc.Span(doc.Tokens[a].Start, doc.Tokens[b - 1].End);
            type = _lex.TryPlace(text, out var g) && g.Type == EntityType.GPE && g.Weight >= 10 ? EntityType.GPE : EntityType.NORP;
        }
        else return null;

        // A name inside a hyphenated word keeps only the name: "NATO-led" → NATO, "al-Qaeda-linked" → al-Qaeda.
        int start = doc.Tokens[a].Start, end = doc.Tokens[b - 1].End;
        if (b - a == 1 && doc.Tokens[a].Has(TokenFlags.Hyphen))
        {
            var w = doc.TokenText(a);
            int cut = w.Length;
            while (cut > 0)
            {
                int h = w[..cut].LastIndexOf('-');
                if (h <= 0 || !char.IsLower(w[h + 1])) break;
                var rest = w[(h + 1)..cut];
                if (rest.Length > 0 && _lex.Is(rest, Cue.Particle)) break; // "al-Qaeda": "al" comes first, not last
                cut = h;
            }
            if (cut < w.Length) { end = start + cut; cues |= CandidateCues.SubToken; }
        }
        if (end <= start) return null;
        if (a > 0 && doc.TokenText(a - 1) is "the" or "The") cues |= CandidateCues.AfterThe;
        if (doc.Tokens[a].Has(TokenFlags.SentenceStart) || doc.Tokens[a].Has(TokenFlags.LineStart)) cues |= CandidateCues.Initial;
        if (a > 0 && _lex.Is(doc.TokenText(a - 1), Cue.Title | Cue.TitleHead)) cues |= CandidateCues.Titled;
        if (b + 2 < doc.Tokens.Length && doc.TokenText(b) is "(" && doc.TokenText(b + 2) is ")")
        {
            var inner = doc.TokenText(b + 1);
            if (inner.Length > 0 && inner[0] == '@') cues |= CandidateCues.HandleAfter;
            else if (doc.Tokens[b + 1].Has(TokenFlags.Upper) && b - a >= 2) cues |= CandidateCues.DefinesAcronym;
        }
        return (new NameCandidate(start, end, a, b, cues), new EntityDecision(type, sp.Score, true));
    }

    private static bool IsLowerWord(Document doc, int k) => doc.Tokens[k].Kind == TokenKind.Word && doc.Tokens[k].Has(TokenFlags.Lower);

    // FAC, EVENT and LAW from the head word ("Kabul Airport", "Summer Olympics", "Patriot Act"), LOC from a location
    // head or prefix ("Mount Everest", "Jordan River"), else null.
    private EntityType? HeadType(Document doc, int a, int b)
    {
        var c = _lex.CuesOf(doc.TokenText(b - 1));
        if ((c & Cue.FacHead) != 0) return EntityType.FAC;
        if ((c & Cue.EventHead) != 0) return EntityType.EVENT;
        if ((c & Cue.LawHead) != 0) return EntityType.LAW;
        if (b - a >= 2 && ((c & Cue.LocHead) != 0 || _lex.Is(doc.TokenText(a), Cue.LocPrefix))) return EntityType.LOC;
        return null;
    }

    // Every word a nationality or religion ("Shia Muslim", "Sunni Arab"): a group.
    private bool AllGroupWords(Document doc, int a, int b)
    {
        for (int k = a; k < b; k++)
        {
            var w = doc.TokenText(k);
            if (!(_lex.TryKnown(w, out var wk) && wk == EntityType.NORP || _lex.TryPlace(w, out var wp) && wp.Type == EntityType.NORP)) return false;
        }
        return true;
    }

    // GPE for countries, cities and other political places; LOC for regions and natural features.
    private EntityType GeoType(Document doc, int a, int b)
    {
        var text = doc.Span(doc.Tokens[a].Start, doc.Tokens[b - 1].End);
        if (_lex.TryKnown(text, out var known) && known is EntityType.LOC or EntityType.GPE) return known;
        if (_lex.TryPlace(text, out var g) && g.Type == EntityType.GPE) return EntityType.GPE;
        if (HeadType(doc, a, b) is { } ht && ht is EntityType.FAC or EntityType.LOC) return ht;
        // A region of a continent or a listed region ("West Africa", "Southeast Asia").
        if (b - a >= 2 && _lex.TryKnown(doc.TokenText(b - 1), out var lastKnown) && lastKnown == EntityType.LOC) return EntityType.LOC;
        for (int k = a; k < b; k++)
            if (_lex.Is(doc.TokenText(k), Cue.LocHead)) return EntityType.LOC;
        return EntityType.GPE;
    }
}
