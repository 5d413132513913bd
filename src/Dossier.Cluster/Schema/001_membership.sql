-- Dossier's cluster membership, in a schema of its own (dossier_cluster) so the store's schema stays the store's.
-- Orleans' ADO.NET clustering provider reads its statements from a table named OrleansQuery (QueryKey, QueryText) and runs
-- them with named parameters; the tables below and the statements in ClusterSchema.cs are written for Dossier from what
-- the provider binds and reads (docs/cluster.md, "Membership on PostgreSQL").

-- One row per cluster: the membership table's version, which every change of a member row raises (optimistic concurrency).
CREATE TABLE IF NOT EXISTS dossier_cluster.membership_version (
    deployment_id text PRIMARY KEY,
    version       integer NOT NULL DEFAULT 0,
    changed       timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port, generation).
CREATE TABLE IF NOT EXISTS dossier_cluster.members (
    deployment_id  text NOT NULL REFERENCES dossier_cluster.membership_version (deployment_id) ON DELETE CASCADE,
    address        text NOT NULL,
    port           integer NOT NULL,
    generation     integer NOT NULL,
    silo_name      text NOT NULL,
    host_name      text NOT NULL,
    status         integer NOT NULL,
    proxy_port     integer NOT NULL DEFAULT 0,
    suspect_times  text,
    start_time     timestamptz NOT NULL,
    i_am_alive     timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- The statements the provider runs, by the names it asks for. Its own query is "SELECT QueryKey, QueryText FROM
-- OrleansQuery" (unquoted, so lower case here), resolved through the search path the cluster's connections set.
CREATE TABLE IF NOT EXISTS dossier_cluster.orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);
