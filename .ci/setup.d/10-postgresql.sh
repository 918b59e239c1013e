#!/usr/bin/env bash
# CI setup: a local PostgreSQL server (Debian's postgresql package) for the store tests.
# Idempotent: installs the package only when missing, starts the cluster only when down.
# Writes LUOSHI_TEST_POSTGRES_URL to "$LUOSHI_CI_ENV", which .ci/run sources before the tests.
set -euo pipefail

ROLE=luoshi_test
PASSWORD=luoshi_test
PORT=${LUOSHI_CI_PGPORT:-5432}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)

# Debian's postinst normally creates the cluster; create it when it did not (e.g. create_main_cluster = false).
pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q . \
  || pg_createcluster --port "$PORT" "$version" main >/dev/null
pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q . \
  || pg_ctlcluster "$version" main start
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')

psql_admin() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $port $*"; }
for _ in $(seq 30); do psql_admin "-c 'SELECT 1'" >/dev/null 2>&1 && break; sleep 1; done
psql_admin "-tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"" | grep -q 1 \
  || psql_admin "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\""
# Collation C sorts text by code point, as SQLite does, so both backends order rows alike.
psql_admin "-tAc \"SELECT 1 FROM pg_database WHERE datname = '$ROLE'\"" | grep -q 1 \
  || psql_admin "-c \"CREATE DATABASE $ROLE OWNER $ROLE ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0\""

url="postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$port/$ROLE"
echo "export LUOSHI_TEST_POSTGRES_URL='$url'" >> "${LUOSHI_CI_ENV:?set by .ci/run}"
echo "ci: PostgreSQL $version on port $port, database $ROLE"
