#!/usr/bin/env bash
# The repository's conventions (.editorconfig: whitespace, file-scoped namespaces, var, naming, ...) hold in every
# project of CatchAll.Codegen.sln. Without arguments it only checks (`dotnet format --verify-no-changes`) and fails,
# naming what would change; with --fix it rewrites the files, pass after pass until the check holds (one pass is not
# enough: whitespace is settled only after a namespace turns file-scoped, and some fixes enable others).
# Excluded: generator snapshots (tests/CatchAll.Codegen.Tests/Baselines, compared byte for byte with generator output),
# anything under obj/ (generated sources), and the enrichment declaration README.md quotes word for word (a test
# compares them), whose attributes are aligned by hand. bench/ and .ci/ are not in the solution.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

format() {
  # CatchAllFormatting=true loads multi-target libraries for one target only (see the runtime's and the emulator's
  # project files): dotnet format fixes each target's copy of a shared file apart, and where the two fixes differ it
  # writes merge-conflict markers into the file.
  CatchAllFormatting=true dotnet format CatchAll.Codegen.sln \
    --exclude tests/CatchAll.Codegen.Tests/Baselines --exclude '**/obj/**' \
    --exclude tests/CatchAll.EndToEnd.Tests/Enrichments/FundingRound.cs \
    "$@"
}

# The generator must be built: its output is part of the code the style rules read (without it, var cannot be
# decided where a generated type is involved, and the result would depend on what was built before).
dotnet build generator/CatchAll.Codegen/CatchAll.Codegen.csproj -nologo -v q > /dev/null

# dotnet format restored for that one target; restore again on the way out so a later --no-restore build finds
# the assets of every target.
trap 'dotnet restore CatchAll.Codegen.sln > /dev/null' EXIT
if [ "${1:-}" = "--fix" ]; then
  for pass in 1 2 3 4; do
    format
    if format --verify-no-changes > /dev/null 2>&1; then
      echo "formatted in $pass pass(es)"
      exit 0
    fi
  done
  echo "dotnet format still has changes to make after 4 passes:"
fi
format --verify-no-changes
