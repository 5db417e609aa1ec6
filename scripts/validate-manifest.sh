#!/usr/bin/env bash
# Validates manifest.xml offline against the 2019 add-in manifest XSDs in ../shared
# (relative to the project root), with xmllint (Debian package libxml2-utils).
#
# Entry point of the 2019 schemas: OfficeAppManifestV1_1.xsd (root element <OfficeApp>); it
# imports the basic types and the task pane / mail VersionOverrides schemas.
#
# Those schemas predate the shared runtime, so <Runtimes> inside <Host xsi:type="Workbook">
# is unknown to them. We chose the SCHEMA EXTENSION (schemas/office-manifest-shnor.xsd →
# schemas/TaskPaneAppVersionOverridesV1_0-runtimes.xsd, an xs:redefine of the 2019 task pane
# schema that adds <Runtimes>/<Runtime resid lifetime="short|long"> as Microsoft's current
# [MS-OWEMXML] defines them), because then <Runtimes> itself is validated too (placement,
# required resid, lifetime values) instead of being cut away unchecked.
# As a second, independent check the script also validates a copy with <Runtimes> stripped
# against the untouched 2019 entry point, which shows the rest of the manifest conforms to
# the published schema without any local change.
#
# Usage: scripts/validate-manifest.sh [manifest.xml]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$ROOT/../shared"
XSD_DIR="$SHARED/schemas/office-manifest-2019"
ENTRY="$XSD_DIR/OfficeAppManifestV1_1.xsd"
EXTENDED="$ROOT/schemas/office-manifest-shnor.xsd"
MANIFEST="${1:-$ROOT/manifest.xml}"

if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint not found: apt-get install -y libxml2-utils" >&2
  exit 2
fi
for f in "$ENTRY" "$EXTENDED" "$MANIFEST"; do
  [[ -f "$f" ]] || { echo "missing: $f" >&2; exit 2; }
done

echo "1/2 manifest against the 2019 schemas + <Runtimes> extension"
xmllint --noout --schema "$EXTENDED" "$MANIFEST"

echo "2/2 manifest without <Runtimes> against the untouched 2019 schemas"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Remove the <Runtimes>…</Runtimes> element: its tags stand alone on their lines (comments
# that merely mention the element are left alone).
sed '/^[[:space:]]*<Runtimes>[[:space:]]*$/,/^[[:space:]]*<\/Runtimes>[[:space:]]*$/d' "$MANIFEST" > "$tmp/manifest-without-runtimes.xml"
if grep -Eq '^[[:space:]]*<Runtimes?[[:space:]>]' "$tmp/manifest-without-runtimes.xml"; then
  echo "could not strip <Runtimes> from $MANIFEST" >&2
  exit 1
fi
xmllint --noout --schema "$ENTRY" "$tmp/manifest-without-runtimes.xml"
echo "manifest OK"
