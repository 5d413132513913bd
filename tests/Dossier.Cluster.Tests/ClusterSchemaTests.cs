using System.Reflection;
using Dossier.Cluster.Hosting;
using Dossier.Cluster.Schema;
using Dossier.Store.Postgres;
using Dossier.Testing;

namespace Dossier.Cluster.Tests;

/// <summary>Our membership schema answers everything Orleans' ADO.NET clustering asks of it.</summary>
public sealed class ClusterSchemaTests
{
    static ClusterSchemaTests() => PostgresEngine.Register();

    [Fact]
    public void Every_statement_the_provider_reads_is_written()
    {
        // The provider checks at start that its table of statements has one per property of its DbStoredQueries.
        var type = typeof(Orleans.Configuration.AdoNetClusteringSiloOptions).Assembly.GetTypes().Single(t => t.Name == "DbStoredQueries");
        var wanted = type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name).Order().ToList();
        Assert.NotEmpty(wanted);
        Assert.Equal(wanted, ClusterSchema.Queries.Keys.Order().ToList());
    }

    [Theory]
    [InlineData("dossier.db")]
    [InlineData("sqlite:x.db")]
    public void A_cluster_needs_PostgreSQL(string location)
    {
        var e = Assert.Throws<DossierException>(() => ClusterSchema.ConnectionString(location));
        Assert.Equal("DSR601", e.Error.Code);
    }

#if HAVE_POSTGRES
    [Fact]
    public void Installing_twice_is_harmless()
    {
        var db = PostgresServer.NewDatabase("schema");
        var cs = ClusterSchema.ConnectionString(db);
        ClusterSchema.Install(cs, db);
        ClusterSchema.Install(cs, db);
        Assert.Equal(ClusterSchema.Queries.Count.ToString(), PostgresServer.Psql("SELECT count(*) FROM dossier_cluster.orleansquery", db.Split('/')[^1]));
        // The store's own schema stays the store's: the cluster's tables are not in it.
        Assert.Equal("0", PostgresServer.Psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", db.Split('/')[^1]));
    }

    [Fact]
    public async Task A_client_with_no_silo_gives_up_with_a_coded_error()
    {
        var db = PostgresServer.NewDatabase("nosilo");
        ClusterSchema.Install(ClusterSchema.ConnectionString(db), db);
        var e = await Assert.ThrowsAsync<DossierException>(() => ClusterConnection.ConnectAsync(db, TimeSpan.FromSeconds(2)));
        Assert.Equal("DSR603", e.Error.Code);
    }
#endif
}
