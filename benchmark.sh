#!/usr/bin/env sh
# The performance benchmark: builds the services' executable jars and the benchmark, then starts a
# fresh embedded PostgreSQL and both services and measures them against raw-PostgreSQL baselines.
#   ./benchmark.sh            default run, about 3-5 minutes on 2 cores
#   ./benchmark.sh --large    also grows the store to 10M events and measures again (long)
# More options: --concurrency=N --duration=S --warmup=S --lag-duration=S --large-events=N
#   --commitment-arg=--some.property=value --projection-arg=--some.property=value --results=FILE
#   --jvm-option=-XX:SomeOption  (both services' JVMs; a collector or heap size to compare)
#   --postgres-setting=name=value  (PostgreSQL started with a setting, e.g. wal_compression=on)
#   --statements  (PostgreSQL with pg_stat_statements: what each statement cost per command in the load phase)
# Results: benchmark-results/latest.md (service logs in benchmark-results/logs/).
set -e
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests -pl benchmarks -am package
mkdir -p benchmark-results/logs
# the load generator's own GC log: a pause there would look like a stall of the services
exec java -Xlog:gc:file=benchmark-results/logs/benchmark-gc.log -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  no.partnerskap.benchmarks.Benchmark "$@"
