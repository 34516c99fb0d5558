-- One PostgreSQL role per service, owning its schema and nothing else (issue 23): a service that is
-- taken over reads and writes its own data only. Run as the administrative user, once per service,
--   psql -v service=incidents -v password=... -v database=sre_copilot -f db-roles.sql
-- by deploy/local/up.sh and, in a cluster, by the Job sre-copilot-db-roles (db-roles.yaml). Safe to
-- run again; it also takes over a schema an earlier version created as the administrator.
SELECT format('CREATE ROLE %I LOGIN', 'sre_' || :'service')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sre_' || :'service') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
              'sre_' || :'service', :'password') \gexec
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', :'service', 'sre_' || :'service') \gexec
SELECT format('ALTER SCHEMA %I OWNER TO %I', :'service', 'sre_' || :'service') \gexec
-- Tables, sequences, views and functions made before the schema had its owner move to it too.
SELECT format('ALTER %s %I.%I OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
              n.nspname, c.relname, 'sre_' || :'service')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = :'service' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
   AND pg_get_userbyid(c.relowner) <> 'sre_' || :'service' \gexec
SELECT format('ALTER FUNCTION %I.%I(%s) OWNER TO %I', n.nspname, p.proname,
              pg_get_function_identity_arguments(p.oid), 'sre_' || :'service')
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = :'service' AND pg_get_userbyid(p.proowner) <> 'sre_' || :'service' \gexec
-- Connecting, and nothing in the database beyond its schema: no objects in public, no other schema.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'database', 'sre_' || :'service') \gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
