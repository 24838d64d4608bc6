#!/usr/bin/env bash
# Refresh the vendored ELK build (danvan_cli/graph/vendor/) from the npm registry.
#   bash scripts/vendor_elk.sh 0.12.2
set -euo pipefail
version=${1:?usage: vendor_elk.sh VERSION}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "elkjs@$version" >/dev/null && tar xzf "elkjs-$version.tgz")
cp "$tmp/package/lib/elk.bundled.js" "$here/danvan_cli/graph/vendor/elk.bundled.js"
cp "$tmp/package/LICENSE.md" "$here/danvan_cli/graph/vendor/ELK-LICENSE.md"
sha256sum "$here/danvan_cli/graph/vendor/elk.bundled.js"
