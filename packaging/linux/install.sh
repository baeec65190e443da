#!/bin/sh
# Install the Linux one-folder build for the current user (no root needed):
#   tar xzf SmileDesk-<version>-linux-x86_64.tar.gz && SmileDesk-<version>-linux/install.sh
#   (in a checkout: make package && packaging/linux/install.sh [dist/SmileDesk])
# The app goes to ~/.local/share/SmileDesk/app, a `SmileDesk` command to ~/.local/bin, the menu entry,
# icon and AppStream metainfo to their XDG places. --kiosk-autostart also starts the full-screen kiosk
# when this user logs in (kiosk PCs). Run with --uninstall to remove everything again (the database,
# backups and logs in ~/.local/share/SmileDesk stay).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
id=cn.smiledesk.SmileDesk
autostart=${XDG_CONFIG_HOME:-$HOME/.config}/autostart
kiosk=no
if [ "${1:-}" = "--kiosk-autostart" ]; then kiosk=yes; shift; fi
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$data/SmileDesk/app" "$bin/SmileDesk" "$data/applications/$id.desktop" \
    "$data/icons/hicolor/scalable/apps/$id.svg" "$data/metainfo/$id.metainfo.xml" "$autostart/$id-kiosk.desktop"
  echo "SmileDesk removed (your data in $data/SmileDesk is kept)"
  exit 0
fi
# The bundle: given, next to this script (the release tarball), or the checkout's dist/SmileDesk.
if [ -n "${1:-}" ]; then src=$1; elif [ -d "$here/SmileDesk" ]; then src=$here/SmileDesk; else src=$here/../../dist/SmileDesk; fi
bundle=$(cd "$src" && pwd)
[ -x "$bundle/SmileDesk" ] || { echo "no build in $bundle: run make package first" >&2; exit 1; }
mkdir -p "$data/SmileDesk" "$bin" "$data/applications" "$data/icons/hicolor/scalable/apps" "$data/metainfo"
rm -rf "$data/SmileDesk/app"
cp -a "$bundle" "$data/SmileDesk/app"
ln -sf "$data/SmileDesk/app/SmileDesk" "$bin/SmileDesk"
sed "s|^Exec=SmileDesk|Exec=$data/SmileDesk/app/SmileDesk|" "$here/$id.desktop" > "$data/applications/$id.desktop"
cp "$bundle/_internal/resources/icons/smiledesk.svg" "$data/icons/hicolor/scalable/apps/$id.svg"
cp "$here/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
if [ "$kiosk" = yes ]; then
  mkdir -p "$autostart"
  sed -e "s|^Exec=SmileDesk$|Exec=$data/SmileDesk/app/SmileDesk --kiosk|" -e "/^Actions=/d" -e "/^\[Desktop Action/,\$d" \
    "$here/$id.desktop" > "$autostart/$id-kiosk.desktop"
  echo "the kiosk starts when this user logs in ($autostart/$id-kiosk.desktop)"
fi
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "SmileDesk installed: start it from the applications menu or run $bin/SmileDesk"
