#!/usr/bin/env bash
# Renders the application icon from goldsmith.svg into every size each system wants:
#   goldsmith-{16,32,48,64,128,256,512}.png  Linux (jpackage --icon takes the 256), the window's stage icons
#   goldsmith.ico                            Windows (16-256 in one file; jpackage --icon on Windows)
#   goldsmith.icns                           macOS, if png2icns (Debian package icnsutils) is installed;
#                                            on a Mac: iconutil -c icns goldsmith.iconset (see README in packaging/macos)
# and copies the 32 and 256 PNGs to src/main/resources/dev/goldsmith/ui/icons/ for the window.
# Needs ImageMagick 6 (`convert`). Run from anywhere; the outputs are committed, so only rerun after editing the SVG.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

sizes=(16 32 48 64 128 256 512)
for s in "${sizes[@]}"; do
  # Render large and scale down: ImageMagick's own SVG renderer anti-aliases small sizes poorly.
  convert -background none -density 384 goldsmith.svg -resize "${s}x${s}" -strip "PNG32:goldsmith-$s.png"
done

convert goldsmith-16.png goldsmith-32.png goldsmith-48.png goldsmith-64.png goldsmith-128.png goldsmith-256.png \
  goldsmith.ico

if command -v png2icns >/dev/null; then
  png2icns goldsmith.icns goldsmith-16.png goldsmith-32.png goldsmith-48.png goldsmith-128.png goldsmith-256.png \
    goldsmith-512.png >/dev/null
else
  echo "png2icns not found: goldsmith.icns left as it is (apt-get install icnsutils, or iconutil on a Mac)" >&2
fi

icons="$root/src/main/resources/dev/goldsmith/ui/icons"
mkdir -p "$icons"
cp goldsmith-32.png goldsmith-256.png "$icons/"
echo "rendered: $(ls goldsmith-*.png goldsmith.ico goldsmith.icns 2>/dev/null | tr '\n' ' ')"
