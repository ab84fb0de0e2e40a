#!/usr/bin/env bash
# Renders assets/icon.svg to the PNG sizes the manifest uses (16/32/80 ribbon, 32/64 add-in icon,
# 128 store/admin). Run once after changing the SVG and commit the PNGs; the build only copies them.
# Needs ImageMagick (`apt-get install -y imagemagick`).
set -euo pipefail
cd "$(dirname "$0")/../assets"
for size in 16 32 64 80 128; do
  # Render at 4x the target size, then downscale: smoother edges at 16 px.
  convert -background none -density $((72 * size * 4 / 128)) icon.svg -resize "${size}x${size}" \
    -depth 8 -strip "PNG32:icon-${size}.png"
done
ls -l icon-*.png
