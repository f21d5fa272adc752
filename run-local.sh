#!/usr/bin/env bash
# Builds what is needed and starts the whole system in one process (embedded PostgreSQL,
# both services in local mode). Options go through to it, e.g. --data-dir=./data --db-port=15432.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests -pl all-in-one -am package
exec java -jar all-in-one/target/all-in-one-0.1.0-SNAPSHOT.jar "$@"
