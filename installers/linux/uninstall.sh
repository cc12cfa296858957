#!/bin/sh
# Remove YEDA Desktop from the current user's ~/.local. Your data is kept unless you pass
# --delete-data (the database, its backups: ~/.local/share/yeda-desktop).
set -eu
PREFIX=${PREFIX:-$HOME/.local}
rm -rf "$PREFIX/opt/yeda-desktop"
rm -f "$PREFIX/bin/yeda-desktop" "$PREFIX/bin/yeda" \
    "$PREFIX/share/applications/yeda-desktop.desktop" \
    "$PREFIX/share/icons/hicolor/256x256/apps/yeda-desktop.png" \
    "$PREFIX/share/icons/hicolor/scalable/apps/yeda-desktop.svg"
DATA=${XDG_DATA_HOME:-$HOME/.local/share}/yeda-desktop
if [ "${1:-}" = "--delete-data" ]; then
    rm -rf "$DATA"
    echo "程序和数据已删除 / program and data removed"
else
    echo "程序已删除，数据保留在 / program removed, data kept in: $DATA"
fi
