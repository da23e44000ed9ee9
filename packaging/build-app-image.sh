#!/usr/bin/env bash
# CI's packaging check: builds the app-image (not the .deb) with the `package` profile and proves the launcher
# works, so packaging cannot silently rot. Fails loudly (non-zero, with a message) if anything is off.
# Run after `mvn verify`:   bash packaging/build-app-image.sh
# Needs only a full JDK 17+ (jlink, jpackage); no display, no fakeroot. Takes about half a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "build-app-image: FAILED: $*" >&2; exit 1; }

# The project's own version: the first <version> after <artifactId>goldsmith</artifactId> (there is no parent).
version="$(awk '/<artifactId>goldsmith<\/artifactId>/{f=1} f&&/<version>/{gsub(/.*<version>|<\/version>.*/,""); print; exit}' pom.xml)"
[[ -n "$version" ]] || fail "cannot read the version from pom.xml"

start=$SECONDS
mvn -B -ntp -Ppackage -DskipTests -Djpackage.types=app-image package \
  || fail "mvn -Ppackage package did not build the app-image"

launcher=target/dist/goldsmith/bin/goldsmith
[[ -x "$launcher" ]] || fail "$launcher is missing"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" HOME="$scratch/home"
unset GOLDSMITH_DB
mkdir -p "$HOME"

answer="$("$launcher" --version 2>&1)" || fail "'goldsmith --version' exited non-zero: $answer"
[[ "$answer" == "goldsmith $version" ]] || fail "'goldsmith --version' said '$answer', expected 'goldsmith $version'"

json="$("$launcher" vaults --json 2>&1)" || fail "'goldsmith vaults --json' on a fresh data folder exited non-zero: $json"
[[ "$(tr -d ' \n' <<<"$json")" == "[]" ]] || fail "'goldsmith vaults --json' on a fresh data folder printed: $json"
[[ -f "$XDG_DATA_HOME/goldsmith/goldsmith.db" ]] || fail "no database created in \$XDG_DATA_HOME/goldsmith"

echo "build-app-image: OK in $((SECONDS - start)) s: $launcher --version → $answer; vaults --json → $json"
