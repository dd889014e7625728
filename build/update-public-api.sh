#!/usr/bin/env bash
# Records every new public symbol of the SDK in PublicAPI.Unshipped.txt, so the change is visible in review.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=sdk/Truto.Cli.Sdk
syms=$(dotnet build "$dir" --no-incremental 2>&1 | grep -o "RS0016: Symbol '[^']*'" | sed "s/RS0016: Symbol '//; s/'\$//" | sort -u || true)
[ -z "$syms" ] && { echo "public API files are up to date"; exit 0; }
{ cat "$dir/PublicAPI.Unshipped.txt"; printf '%s\n' "$syms"; } | grep -v '^#nullable' | sort -u > /tmp/unshipped.$$
{ echo '#nullable enable'; cat /tmp/unshipped.$$; } > "$dir/PublicAPI.Unshipped.txt"; rm /tmp/unshipped.$$
echo "added $(printf '%s\n' "$syms" | wc -l) symbols to $dir/PublicAPI.Unshipped.txt"
