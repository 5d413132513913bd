using System.CommandLine;
using System.Text;
using System.Text.Json;
using Dossier.Documents;
using Dossier.Extraction.Syntax;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier parse FILE|- [--format conllu|jsonl]</c>: sentences, words, tags, lemmas and dependencies of raw
/// text, as CoNLL-U (character offsets in MISC) or one JSON object per sentence.</summary>
internal static class ParseCommand
{
    public static Command Create(CliContext ctx)
    {
        var paths = CommonOptions.Paths();
        var input = CommonOptions.Input();
        var format = new Option<string>("--format")
        {
            Description = "conllu: CoNLL-U with TokenRange=start:end in MISC; jsonl: one object per sentence",
            DefaultValueFactory = _ => "conllu",
        }.AcceptOnlyFromAmong("conllu", "jsonl");
        var modelOption = new Option<string?>("--model") { Description = "Use this syntax model file instead of the built-in one", HelpName = "PATH" };
        var cmd = new Command("parse", "Tag, lemmatise and parse raw text (files, folders, - for standard input): UD words, tags and dependencies")
        { paths, input, format, modelOption };
        cmd.SetAction(p =>
        {
            var list = p.GetValue(paths) ?? [];
            if (list.Length == 0) throw new DossierException(Errors.NoInput());
            var syntax = new SyntaxComponent(p.GetValue(modelOption) is { } m ? SyntaxModel.Load(m) : SyntaxModel.Default);
            var read = CommonOptions.BuildReadOptions(p.GetValue(input)!, null, null);
            bool json = p.GetValue(format) == "jsonl";
            var segmenter = new Segmenter();
            int failed = 0;
            foreach (var item in ArticleReader.Read(list, read))
            {
                if (item.Error is { } e) { ctx.Err.WriteLine(e.ToString()); if (!e.Warning) failed++; continue; }
                var raw = item.Article!;
                var cleaned = ArticleCleaner.Clean(raw);
                if (cleaned.Document is not { } doc) { ctx.Err.WriteLine(new ItemError(raw.Source, raw.Line, cleaned.Error!.Value).ToString()); failed++; continue; }
                segmenter.Process(doc);
                string docId = raw.Id ?? raw.Where;
                if (!json) ctx.Out.WriteLine($"# newdoc id = {docId}");
                for (int si = 0; si < doc.Sentences.Length; si++)
                {
                    var s = doc.Sentences[si];
                    var words = syntax.Parse(doc, s);
                    if (json) ctx.Out.WriteLine(Json(docId, si + 1, doc, s, words));
                    else WriteConllu(ctx.Out, docId, si + 1, doc, s, words);
                }
            }
            ctx.Out.Flush();
            return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return cmd;
    }

    private static void WriteConllu(TextWriter o, string docId, int n, Document doc, Sentence s, IReadOnlyList<ParsedWord> words)
    {
        var sb = new StringBuilder();
        sb.Append("# sent_id = ").Append(docId).Append('-').Append(n).Append('\n');
        sb.Append("# text = ").Append(OneLine(doc.Slice(s.Start, s.End))).Append('\n');
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            bool spaceAfter = i + 1 >= words.Count || words[i + 1].Start > w.End;
            sb.Append(i + 1).Append('\t').Append(Field(w.Form)).Append('\t').Append(Field(w.Lemma)).Append('\t').Append(UposNames.Name(w.Tag))
              .Append("\t_\t_\t").Append(w.Head + 1).Append('\t').Append(w.Relation).Append("\t_\t")
              .Append("TokenRange=").Append(w.Start).Append(':').Append(w.End).Append(spaceAfter ? "" : "|SpaceAfter=No").Append('\n');
        }
        o.Write(sb.Append('\n').ToString());
    }

    // CoNLL-U fields hold no tab or line break, and "_" stands for an empty field.
    private static string Field(string s) => s.Length == 0 ? "_" : s.Replace('\t', ' ').Replace('\n', ' ');
    private static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');

    private static string Json(string docId, int n, Document doc, Sentence s, IReadOnlyList<ParsedWord> words)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("doc", docId);
            w.WriteNumber("sentence", n);
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteString("text", doc.Slice(s.Start, s.End));
            w.WriteStartArray("words");
            for (int i = 0; i < words.Count; i++)
            {
                var x = words[i];
                w.WriteStartObject();
                w.WriteNumber("id", i + 1);
                w.WriteString("form", x.Form);
                w.WriteNumber("start", x.Start);
                w.WriteNumber("end", x.End);
                w.WriteString("upos", UposNames.Name(x.Tag));
                w.WriteString("lemma", x.Lemma);
                w.WriteNumber("head", x.Head + 1);
                w.WriteString("deprel", x.Relation);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
