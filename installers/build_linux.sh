#!/usr/bin/env bash
# Build the one-folder Linux app, self-test it offscreen, and pack it as a tarball with a
# .desktop file, the icon and an install script.
#   installers/build_linux.sh            -> dist/yeda-desktop-<version>-linux-x86_64.tar.gz
# Needs: the project venv (.venv) with pyinstaller installed (a build tool, not a runtime
# dependency): .venv/bin/pip install pyinstaller
# Takes about 1.5–2.5 minutes on 2 cores; see installers/README.md for why it runs nightly.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-$ROOT/.venv/bin/python}
VERSION=$("$PY" -c 'import yeda_desktop; print(yeda_desktop.__version__)')
ARCH=$(uname -m)
WORK=${YEDA_BUILD_DIR:-$ROOT/build/pyinstaller}
DIST=$ROOT/dist
NAME=yeda-desktop-$VERSION-linux-$ARCH
started=$(date +%s)

"$PY" -m PyInstaller --version >/dev/null 2>&1 || {
    echo "pyinstaller is missing: $PY -m pip install pyinstaller" >&2; exit 2; }

rm -rf "$WORK" "$DIST/yeda-desktop" "$DIST/$NAME" "$DIST/$NAME.tar.gz"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" installers/yeda.spec

APP=$DIST/yeda-desktop
echo "== frozen self-test (offscreen)"
QT_QPA_PLATFORM=offscreen "$APP/yeda-desktop" --self-test
"$APP/yeda-desktop" --version

echo "== packing $NAME.tar.gz"
STAGE=$DIST/$NAME
mkdir -p "$STAGE"
mv "$APP" "$STAGE/app"
install -m 644 resources/icons/yeda-256.png "$STAGE/yeda-desktop.png"
install -m 644 resources/icons/yeda.svg "$STAGE/yeda-desktop.svg"
install -m 644 installers/linux/yeda-desktop.desktop "$STAGE/yeda-desktop.desktop"
install -m 755 installers/linux/install.sh "$STAGE/install.sh"
install -m 755 installers/linux/uninstall.sh "$STAGE/uninstall.sh"
install -m 644 installers/README.md "$STAGE/README.md"
tar -C "$DIST" -czf "$DIST/$NAME.tar.gz" "$NAME"

elapsed=$(( $(date +%s) - started ))
echo "== done in ${elapsed}s"
echo "folder:  $(du -sh "$STAGE/app" | cut -f1)  $STAGE/app"
echo "tarball: $(du -sh "$DIST/$NAME.tar.gz" | cut -f1)  $DIST/$NAME.tar.gz"
