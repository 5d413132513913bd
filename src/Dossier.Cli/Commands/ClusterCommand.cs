using System.CommandLine;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier cluster silo|status</c>: ingestion scaled out on Orleans silos (docs/cluster.md).</summary>
internal static class ClusterCommand
{
    public static Command Create(CliContext ctx) => new("cluster", "Run ingestion on several processes or machines: silos extract, 'ingest --cluster' hands them articles (docs/cluster.md)")
    {
        ClusterSiloCommand.Create(ctx),
        ClusterStatusCommand.Create(ctx),
    };
}
