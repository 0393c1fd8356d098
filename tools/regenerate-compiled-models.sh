#!/usr/bin/env bash
# Regenerates the EF Core compiled models (docs/performance.md, "Start-up") of every context the processes use:
# JustCultureDbContext and the web app's IdentityStoreContext, for SQLite, PostgreSQL and SQL Server.
# Run it after any change to an entity, a configuration or a migration's model (the compiled-model tests in
# tests/JustCulture.Persistence.Tests and tests/JustCulture.Web.Tests fail until it is run), then commit the result.
# Usage: tools/regenerate-compiled-models.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

# The old models are deleted first: a model that no longer matches the entities may not even compile, and nothing
# refers to the generated classes by name (EF Core finds each through its [assembly: DbContextModel] attribute).
rm -rf src/JustCulture.Persistence/CompiledModels src/JustCulture.Web/Identity/CompiledModels
dotnet build src/JustCulture.Web -nologo -v quiet

optimize() { # project context folder
  local namespace
  namespace="$(basename "$1").$(echo "$3" | tr '/' '.')"
  dotnet ef dbcontext optimize --no-build --project "$1" --context "$2" --output-dir "$3" --namespace "$namespace" >/dev/null
  echo "regenerated $1/$3 ($2)"
}
for provider in Sqlite Postgres SqlServer; do
  optimize src/JustCulture.Persistence "${provider}JustCultureDbContext" "CompiledModels/$provider"
  optimize src/JustCulture.Web "${provider}IdentityStoreContext" "Identity/CompiledModels/$provider"
done
