#!/usr/bin/env bash
# Writes the OpenAPI document the app serves (openapi.json) and the TypeScript types generated
# from it for web and mobile clients (clients/typescript/api.d.ts), both committed.
#   bash scripts/openapi.sh           build, then write both files (npm run openapi)
#   bash scripts/openapi.sh --check   build, write them to a temporary folder and fail, showing
#                                     the difference, when the committed files differ (npm run openapi:check)
set -euo pipefail
cd "$(dirname "$0")/.."

FILES=(openapi.json clients/typescript/api.d.ts)

case "${1:-}" in
  '') out=. ;;
  --check)
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
    ;;
  *)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac

# The compiled app carries the Swagger plugin's metadata (nest-cli.json), as `npm start` does.
npx nest build
node dist/openapi.js "$out/openapi.json"
npx openapi-typescript "$out/openapi.json" --output "$out/clients/typescript/api.d.ts" >/dev/null

[ "$out" = . ] && exit 0
stale=0
for file in "${FILES[@]}"; do
  if [ ! -f "$file" ]; then
    echo "$file is missing." >&2
    stale=1
  elif ! cmp -s "$file" "$out/$file"; then
    echo "$file differs from what the code generates (- committed, + generated):" >&2
    diff -u --label "$file (committed)" --label "$file (generated)" "$file" "$out/$file" | head -n 60 >&2 || true
    stale=1
  fi
done
if [ "$stale" -ne 0 ]; then
  echo "Run 'npm run openapi' and commit the result." >&2
  exit 1
fi
echo "openapi.json and clients/typescript/api.d.ts match the code."
