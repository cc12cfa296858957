#!/bin/sh
# Install YEDA Desktop for the current user (no root): the program goes to
# ~/.local/opt/yeda-desktop, a menu entry and icon to ~/.local/share, and the commands
# `yeda-desktop` and `yeda` to ~/.local/bin. Your data folder is not touched.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
APPDIR=$PREFIX/opt/yeda-desktop
mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$PREFIX/share/applications" \
    "$PREFIX/share/icons/hicolor/256x256/apps" "$PREFIX/share/icons/hicolor/scalable/apps"
rm -rf "$APPDIR.new"
cp -a "$HERE/app" "$APPDIR.new"
rm -rf "$APPDIR"
mv "$APPDIR.new" "$APPDIR"
ln -sf "$APPDIR/yeda-desktop" "$PREFIX/bin/yeda-desktop"
ln -sf "$APPDIR/yeda" "$PREFIX/bin/yeda"
cp "$HERE/yeda-desktop.png" "$PREFIX/share/icons/hicolor/256x256/apps/yeda-desktop.png"
cp "$HERE/yeda-desktop.svg" "$PREFIX/share/icons/hicolor/scalable/apps/yeda-desktop.svg"
sed "s|@APPDIR@|$APPDIR|" "$HERE/yeda-desktop.desktop" \
    > "$PREFIX/share/applications/yeda-desktop.desktop"
command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database "$PREFIX/share/applications" || true
echo "已安装 / installed: $APPDIR"
echo "自检 / self-test:   $APPDIR/yeda-desktop --self-test"
