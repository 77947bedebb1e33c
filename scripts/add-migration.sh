#!/usr/bin/env bash
# Adds a migration for every provider: scripts/add-migration.sh <Name>  (see docs/migrations.md)
# Optional: --provider Sqlite|Postgres|SqlServer to add it for one provider only (e.g. a provider's first migration).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName> [--provider Sqlite|Postgres|SqlServer]}
providers=(Sqlite Postgres SqlServer)
if [[ ${2:-} == --provider ]]; then providers=("${3:?--provider needs a name}"); fi
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/KyodoPortal.Web -v q -nologo
for provider in "${providers[@]}"; do
  dotnet ef migrations add "$name" \
    --project src/KyodoPortal.Web \
    --context "${provider}KyodoDbContext" \
    --output-dir "Data/Migrations/$provider" \
    --no-build
done
