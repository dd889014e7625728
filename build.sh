#!/usr/bin/env bash
# Bootstraps Cake (pinned in .config/dotnet-tools.json) and runs build.cake; arguments pass through.
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
