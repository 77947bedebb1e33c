#!/usr/bin/env bash
# Adds a migration for every provider: scripts/add-migration.sh <Name>
# See docs/migrations.md for why a separate design-time project is used.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build tools/KyodoPortal.DesignTime -v q -nologo
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/KyodoPortal.Web \
    --startup-project tools/KyodoPortal.DesignTime \
    --context "${provider}KyodoDbContext" \
    --output-dir "Data/Migrations/$provider" \
    --no-build
done
