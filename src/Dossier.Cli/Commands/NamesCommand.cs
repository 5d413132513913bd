using System.CommandLine;
using System.Globalization;
using Dossier.Actors;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier names match FILE.csv</c>: scores pairs of names with the matcher the actors use.</summary>
internal static class NamesCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("names", "Name matching: how alike two names are, as the actor store sees them");
        cmd.Add(Match(ctx));
        return cmd;
    }

    private static Command Match(CliContext ctx)
    {
        var path = new Argument<string>("file") { Description = "CSV with columns name1,name2[,schema] (a header line is recognised; extra columns are ignored); - reads standard input" };
        var threshold = new Option<double>("--threshold")
        {
            Description = $"Score from which two names are one (default {NameMatcher.DefaultThreshold.ToString(CultureInfo.InvariantCulture)})",
            DefaultValueFactory = _ => NameMatcher.DefaultThreshold, HelpName = "X",
        };
        var cmd = new Command("match", "Score name pairs; writes name1,name2,schema,score,match as CSV. Schema Person compares people; any other " +
                                       "(Organization, Company, …) organisations; an empty schema is guessed from the names (legal forms, " +
                                       "organisation words → organisation, else person)") { path, threshold };
        cmd.SetAction(p =>
        {
            double t = p.GetValue(threshold);
            if (double.IsNaN(t) || t is < 0 or > 1) throw new DossierException(Errors.BadOption("--threshold", "must be between 0 and 1"));
            string file = p.GetValue(path)!;
            TextReader reader;
            if (file == "-") reader = Console.In;
            else if (!File.Exists(file)) { ctx.Err.WriteLine(new ItemError(file, null, Errors.NotFound())); return ExitCodes.Failed; }
            else reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
            using var _ = file == "-" ? null : reader;
            int failed = 0;
            var o = ctx.Out;
            o.WriteLine("name1,name2,schema,score,match");
            bool firstRow = true;
            // Columns: name1, name2, schema in that order, unless a header names them elsewhere (the nomenklatura layout
            // case_group,schema,name1,name2,… is read by its header).
            int c1 = 0, c2 = 1, cs = 2;
            foreach (var row in Csv.Read(reader))
            {
                if (row.Error is { } err) { ctx.Err.WriteLine(new ItemError(file, row.Line, err)); failed++; continue; }
                var f = row.Fields!;
                if (firstRow)
                {
                    firstRow = false;
                    int h1 = Array.FindIndex(f, x => x.Trim().Equals("name1", StringComparison.OrdinalIgnoreCase));
                    int h2 = Array.FindIndex(f, x => x.Trim().Equals("name2", StringComparison.OrdinalIgnoreCase));
                    if (h1 >= 0 && h2 >= 0)
                    {
                        c1 = h1; c2 = h2;
                        cs = Array.FindIndex(f, x => x.Trim().Equals("schema", StringComparison.OrdinalIgnoreCase));
                        continue;
                    }
                }
                int need = Math.Max(c1, c2) + 1;
                if (f.Length < need) { ctx.Err.WriteLine(new ItemError(file, row.Line, Errors.CsvFields(f.Length, need))); failed++; continue; }
                string a = f[c1].Trim(), b = f[c2].Trim(), schema = cs >= 0 && cs < f.Length ? f[cs].Trim() : "";
                if (a.Length == 0 || b.Length == 0) { ctx.Err.WriteLine(new ItemError(file, row.Line, Errors.EmptyName(a.Length == 0 ? "name1" : "name2"))); failed++; continue; }
                bool person = schema.Length == 0 ? !NameMatcher.LooksLikeOrganisation(a) && !NameMatcher.LooksLikeOrganisation(b)
                    : schema.Equals("Person", StringComparison.OrdinalIgnoreCase);
                double score = NameMatcher.Score(a, b, person);
                o.WriteLine(string.Join(',', Csv.Field(a), Csv.Field(b), Csv.Field(schema),
                    score.ToString("F3", CultureInfo.InvariantCulture), score >= t ? "true" : "false"));
            }
            return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return cmd;
    }
}
