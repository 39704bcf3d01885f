#!/usr/bin/env bash
# Smoke test for the aarch64 build under qemu-user: start it on a temp data dir, sign up through
# HTTP, check the database, stop it with SIGTERM. Used by `make pi`.
set -euo pipefail
bin=${1:?usage: pi-smoke.sh BINARY}
dir=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
qemu-aarch64 "$bin" --version
qemu-aarch64 "$bin" --data-dir "$dir" --addr 127.0.0.1 --port "$port" --log warn &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz"; echo
curl -fsS -H 'content-type: application/json' \
  -d '{"username":"pismoke","password":"raspberry","display_name":"Pi","role":"parent"}' \
  "http://127.0.0.1:$port/api/auth/register" >/dev/null
kill -TERM "$pid"; wait "$pid"
qemu-aarch64 "$bin" --data-dir "$dir" check
echo "aarch64 smoke test passed"
