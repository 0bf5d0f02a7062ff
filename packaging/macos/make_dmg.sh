#!/usr/bin/env bash
# macOS disk image of dist/drill-app.app (built by packaging/drill-app.spec on macOS).
#   bash packaging/macos/make_dmg.sh  ->  dist/drill-app-VERSION.dmg
# Needs macOS (hdiutil); run by .github/workflows/package.yml.  Not signed or notarized:
# the first start needs right-click > Open (see README "Installing").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
version=$(python3 -c 'import re,pathlib;print(re.search(r"__version__ = \"(.+?)\"",pathlib.Path("drill_app/__init__.py").read_text()).group(1))')
staging=$(mktemp -d)
cp -R dist/drill-app.app "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "drill-app $version" -srcfolder "$staging" -ov -format UDZO \
    "dist/drill-app-$version.dmg"
rm -rf "$staging"
echo "dist/drill-app-$version.dmg"
