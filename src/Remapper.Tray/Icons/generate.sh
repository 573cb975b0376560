#!/bin/sh
# Draws the tray icons (one SVG per state: a keycap with a coloured badge) and renders the PNG sizes panels ask
# for. Needs rsvg-convert (Debian: librsvg2-bin) only when the icons change; the outputs are committed.
set -eu
cd "$(dirname "$0")"

keycap() { # $1 outline, $2 face, $3 top, $4 glyph
  cat <<SVG
  <rect x="1.5" y="2.5" width="25" height="23" rx="4.5" fill="$2" stroke="$1" stroke-width="2"/>
  <rect x="5" y="5" width="18" height="15" rx="2.5" fill="$3"/>
  <path d="M8 12.5h9" stroke="$4" stroke-width="2.4" stroke-linecap="round"/>
  <path d="M14.5 8.5l4 4-4 4" fill="none" stroke="$4" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>
SVG
}

circle_badge() { # $1 colour, $2 symbol
  cat <<SVG
  <circle cx="24" cy="24" r="7.5" fill="$1" stroke="#ffffff" stroke-width="1.5"/>
  $2
SVG
}

icon() { # $1 state, $2 body
  mkdir -p hicolor/scalable/status
  {
    echo '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">'
    echo "  <title>Remapper: $1</title>"
    echo "$2"
    echo '</svg>'
  } > "hicolor/scalable/status/remapper-$1.svg"
}

normal=$(keycap "#2b2b2b" "#e9e9e9" "#ffffff" "#2b2b2b")

icon running "$normal
$(circle_badge "#1f9d44" '<path d="M20.3 24.2l2.6 2.6 4.8-5" fill="none" stroke="#ffffff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>')"

icon paused "$normal
$(circle_badge "#2a6fdb" '<path d="M21.8 20.5v7M26.2 20.5v7" stroke="#ffffff" stroke-width="2.4" stroke-linecap="round"/>')"

warning_badge='  <path d="M24 14.8l8 15.2H16z" fill="#f5a800" stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round"/>
  <path d="M24 19.8v5" stroke="#2b2b2b" stroke-width="2.2" stroke-linecap="round"/>
  <circle cx="24" cy="27.6" r="1.2" fill="#2b2b2b"/>'
icon warning "$normal
$warning_badge"

icon error "$normal
$(circle_badge "#d93025" '<path d="M21.3 21.3l5.4 5.4M26.7 21.3l-5.4 5.4" stroke="#ffffff" stroke-width="2.2" stroke-linecap="round"/>')"

icon not-running "$(keycap "#8a8a8a" "#d2d2d2" "#e4e4e4" "#8a8a8a")
$(circle_badge "#6e6e6e" '<path d="M20.8 24h6.4" stroke="#ffffff" stroke-width="2.4" stroke-linecap="round"/>')"

for size in 16 22 24 32 48; do
  mkdir -p "hicolor/${size}x${size}/status"
  for svg in hicolor/scalable/status/*.svg; do
    name=$(basename "$svg" .svg)
    rsvg-convert -w "$size" -h "$size" "$svg" -o "hicolor/${size}x${size}/status/$name.png"
  done
done
