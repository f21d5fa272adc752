#!/usr/bin/env bash
# Run once by the postgres image (/docker-entrypoint-initdb.d) when the data volume is empty.
# Creates what local-postgres's DatabaseBootstrap creates: the database, one login role per
# service, and the schema each service owns. The services' Flyway migrations do the rest;
# commitment-service's grant projection_service SELECT on the event table, nothing more.
#
# Passwords come from COMMITMENT_DB_PASSWORD and PROJECTION_DB_PASSWORD. They reach the SQL
# only as psql variables interpolated with :'name', which psql quotes as a literal.
#
# No `set -u` and no `exit`: if the file loses its executable bit the entrypoint sources it
# instead of running it, and this must not change the entrypoint's own shell options.
set -Eeo pipefail

: "${COMMITMENT_DB_PASSWORD:?COMMITMENT_DB_PASSWORD must be set (password of role commitment_service)}"
: "${PROJECTION_DB_PASSWORD:?PROJECTION_DB_PASSWORD must be set (password of role projection_service)}"

psql -v ON_ERROR_STOP=1 -X -q \
    --username "${POSTGRES_USER:-postgres}" \
    --dbname "${POSTGRES_DB:-postgres}" \
    -v commitment_password="$COMMITMENT_DB_PASSWORD" \
    -v projection_password="$PROJECTION_DB_PASSWORD" <<'SQL'
-- login roles: create, or reset the password if the role is already there
select exists (select 1 from pg_roles where rolname = 'commitment_service') as role_exists \gset
\if :role_exists
alter role commitment_service login password :'commitment_password';
\else
create role commitment_service login password :'commitment_password';
\endif

select exists (select 1 from pg_roles where rolname = 'projection_service') as role_exists \gset
\if :role_exists
alter role projection_service login password :'projection_password';
\else
create role projection_service login password :'projection_password';
\endif

-- the application database (POSTGRES_DB may already have created it)
select 'create database partnerships'
 where not exists (select 1 from pg_database where datname = 'partnerships') \gexec

\connect partnerships

revoke create on schema public from public;
create schema if not exists event_store authorization commitment_service;
create schema if not exists projection authorization projection_service;
grant usage on schema event_store to projection_service;
SQL
