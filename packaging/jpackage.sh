#!/usr/bin/env bash
# Builds Goldsmith's installable forms with jlink + jpackage. Called by `mvn -Ppackage package`
# (see the `package` profile in pom.xml), which first leaves in target/jpackage/:
#   input/goldsmith.jar   the application and its libraries, without JavaFX (shade execution jpackage-input)
#   javafx/*.jar          the JavaFX modular jars for this platform (copy-dependencies)
# Environment (set by the profile):
#   GOLDSMITH_VERSION  the pom version, e.g. 0.1.0 or 0.2.0-SNAPSHOT
#   JPACKAGE_TYPES     space-separated: app-image, and on Linux deb (default "app-image deb")
#   JPACKAGE_JDK       the JDK whose jlink and jpackage are used (default: the JDK running Maven)
# Output: target/dist/goldsmith/ (app-image) and target/dist/goldsmith_<version>-1_amd64.deb.
# Runs on Linux (and macOS with bash); on Windows use the documented commands in packaging/windows/.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${GOLDSMITH_VERSION:?GOLDSMITH_VERSION is not set (run through mvn -Ppackage package)}"
types="${JPACKAGE_TYPES:-app-image deb}"
jdk="${JPACKAGE_JDK:-${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}}"
# jpackage wants a numeric version (1-3 dot-separated numbers): 0.2.0-SNAPSHOT → 0.2.0.
app_version="${version%%-*}"

fail() { echo "jpackage.sh: $*" >&2; exit 1; }
for tool in jlink jpackage; do
  [[ -x "$jdk/bin/$tool" ]] || fail "$jdk/bin/$tool not found: set -Djpackage.jdk=/path/to/jdk-17+ (a full JDK, not a JRE)"
done
[[ -f target/jpackage/input/goldsmith.jar ]] || fail "target/jpackage/input/goldsmith.jar missing (run through mvn -Ppackage package)"

case "$(uname -s)" in
  Linux)  os=linux;   natives_dir=lib; lib_glob='*.so' ;;
  Darwin) os=macos;   natives_dir=lib; lib_glob='*.dylib' ;;
  *)      fail "unsupported here: $(uname -s); see packaging/windows/README.md" ;;
esac

# The JavaFX jars with a platform classifier (javafx-graphics-21.0.11-linux.jar); the jars without one are empty.
mapfile -t fx_jars < <(ls target/jpackage/javafx/javafx-*-[0-9]*-*.jar 2>/dev/null)
(( ${#fx_jars[@]} >= 4 )) || fail "JavaFX modular jars not found in target/jpackage/javafx"
fx_path="$(IFS=:; echo "${fx_jars[*]}")"

# The modules of the runtime. Found with jdeps over the application and its libraries (docs/packaging.md):
#   java.sql (sqlite-jdbc, Flyway, the store), java.xml + java.naming + java.management (Logback),
#   java.logging (OkHttp, Okio, Flyway), java.desktop (javafx.base needs java.beans; Jackson),
#   java.scripting (javafx.fxml), jdk.unsupported (JavaFX, Okio), jdk.crypto.ec (TLS with EC keys:
#   without it HTTPS to most AI providers fails on JDK 17), and the four JavaFX modules.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.scripting,java.sql,java.xml
modules+=,jdk.crypto.ec,jdk.unsupported,jdk.localedata
modules+=,javafx.base,javafx.graphics,javafx.controls,javafx.fxml

work=target/jpackage
runtime="$work/runtime"
rm -rf "$runtime" "$work/natives" target/dist/goldsmith
mkdir -p target/dist "$work/natives"

# JavaFX's native libraries travel inside javafx-graphics-*.jar; left in the module, JavaFX would copy them
# to ~/.openjfx/cache on every first start. Put them in the runtime's lib folder instead, where
# System.loadLibrary finds them, and keep them (and the unused SWT bridge) out of the module image.
graphics_jar="$(ls target/jpackage/javafx/javafx-graphics-*-*.jar)"
(cd "$work/natives" && "$jdk/bin/jar" xf "../../../$graphics_jar" $(unzip -Z1 "../../../$graphics_jar" | grep -E "^[^/]+\.(so|dylib|dll)$"))

echo "jlink: $modules"
"$jdk/bin/jlink" \
  --module-path "$fx_path" \
  --add-modules "$modules" \
  --include-locales en \
  --exclude-resources "regex:/javafx\.graphics/[^/]+\.(so|dylib|dll|jar)" \
  --strip-debug --no-man-pages --no-header-files \
  --output "$runtime"
cp "$work/natives"/$lib_glob "$runtime/$natives_dir/"

echo "jpackage: app-image $app_version"
"$jdk/bin/jpackage" @packaging/common.options @packaging/app.options @"packaging/$os/app-image.options" \
  --type app-image \
  --app-version "$app_version" \
  --input "$work/input" \
  --runtime-image "$runtime" \
  --dest target/dist

if [[ "$os" == macos ]]; then launcher=target/dist/goldsmith.app/Contents/MacOS/goldsmith; else launcher=target/dist/goldsmith/bin/goldsmith; fi
# The packaged launcher must answer --version with the pom version, or the image is broken: fail loudly.
answer="$("$launcher" --version 2>&1)" || fail "the packaged launcher failed on --version: $answer"
[[ "$answer" == *"$version"* ]] || fail "the packaged launcher answered --version with '$answer', expected $version"
echo "launcher --version: $answer"

for type in $types; do
  case "$type" in
    app-image) ;;
    deb)
      [[ "$os" == linux ]] || fail "deb is built on Linux only"
      command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null \
        || fail "deb needs fakeroot and dpkg-deb (apt-get install -y fakeroot dpkg-dev)"
      rm -f target/dist/goldsmith_*.deb
      echo "jpackage: deb $app_version"
      "$jdk/bin/jpackage" @packaging/common.options @packaging/linux/deb.options \
        --type deb \
        --app-version "$app_version" \
        --app-image target/dist/goldsmith \
        --dest target/dist
      ls -l target/dist/goldsmith_*.deb
      ;;
    *) fail "unknown package type '$type' (app-image, deb; msi and dmg are built on Windows and macOS)" ;;
  esac
done
