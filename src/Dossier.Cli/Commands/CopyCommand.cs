using System.CommandLine;
using Dossier.Store;
using Dossier.Store.Copy;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier copy --from LOCATION --to LOCATION</c>: a whole store into a new one of any engine.</summary>
internal static class CopyCommand
{
    public static Command Create(CliContext ctx)
    {
        var from = new Option<string>("--from") { Description = "The store to copy (default: --db, $DOSSIER_DB, else dossier.db)", HelpName = "LOCATION" };
        var to = new Option<string>("--to") { Description = "The new store: a SQLite file or postgres://… (created when missing; it must be empty)", HelpName = "LOCATION", Required = true };
        var cmd = new Command("copy", "Copy a whole store into a new, empty one (SQLite to PostgreSQL and back), checked by rows per table and equal exports")
        {
            from, to,
        };
        cmd.SetAction(p =>
        {
            var source = p.GetValue(from) ?? p.GetValue(CommonOptions.Db)!;
            var target = p.GetValue(to)!;
            if (StoreLocation.Parse(source) == StoreLocation.Parse(target)) throw new DossierException(Errors.CopySameStore(target));
            using var a = Stores.Open(source, create: false);
            using var b = Stores.Open(target, create: true);
            var report = StoreCopier.Copy(a, source, b, target, ctx.Interactive ? (table, n) => ctx.Err.Write($"\rcopy: {table} {n:N0} rows          ") : null);
            if (ctx.Interactive) ctx.Err.WriteLine();
            foreach (var (table, rows, _) in report.Tables.Where(t => t.Source > 0))
                ctx.Out.WriteLine($"  {table,-18} {rows,12:N0}");
            ctx.Out.WriteLine($"copy: {report.Rows:N0} rows in {report.Tables.Count} tables in {report.Elapsed.TotalSeconds:N1} s; checked: every table has the source's rows, " +
                              $"and both exports are equal (JSONL sha256 {report.JsonlDigest[..12]}…, CSV sha256 {report.CsvDigest[..12]}…)");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
