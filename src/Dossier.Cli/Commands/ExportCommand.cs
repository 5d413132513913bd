using System.CommandLine;
using System.Text;
using Dossier.Store;
using Dossier.Store.Export;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier export --format jsonl|csv [--out FILE]</c>: everything stored.</summary>
/// <remarks>jsonl: one contract object per article (the shape <c>extract</c> prints, canonical actor ids);
/// csv: one row per event (columns in <see cref="Exporter.CsvColumns"/>).</remarks>
internal static class ExportCommand
{
    public static Command Create(CliContext ctx)
    {
        var format = new Option<string>("--format")
        {
            Description = "jsonl: one contract object per article (the shape extract prints, canonical actor ids A1, A2 …); " +
                          "csv: one row per event with columns " + string.Join(",", Exporter.CsvColumns),
            DefaultValueFactory = _ => "jsonl",
        }.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output", HelpName = "FILE" };
        var cmd = new Command("export", "Export everything stored") { format, output };
        cmd.SetAction(p =>
        {
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var path = p.GetValue(output);
            bool csv = p.GetValue(format) == "csv";
            if (path is null)
            {
                int n = csv ? Exporter.WriteCsv(store, ctx.Out) : Exporter.WriteJsonl(store, ctx.Out);
                ctx.Out.Flush();
                return ExitCodes.Ok;
            }
            // Write to a temporary file beside the target and move it in place, so a failed export never leaves half a file.
            var tmp = path + ".tmp";
            try
            {
                int n;
                using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false)))
                    n = csv ? Exporter.WriteCsv(store, w) : Exporter.WriteJsonl(store, w);
                File.Move(tmp, path, overwrite: true);
                ctx.Err.WriteLine($"export: {n:N0} {(csv ? "events" : "articles")} written to {path}");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                try { File.Delete(tmp); } catch (IOException) { }
                throw new DossierException(Errors.OutputFailed(path, e.Message));
            }
        });
        return cmd;
    }
}
