#!/usr/bin/env bash
# API fuzzing with schemathesis against /api/openapi.json of a live server (`make api-fuzz`,
# run by `make test` with a small example count and by `make fuzz` with a large one).
#
# Usage: tests/api-fuzz.sh PIXELTALES_BINARY EXAMPLES_PER_OPERATION
#
# The server runs on a fresh temp data dir with an admin (so every route is reachable) signed
# in; the run fails on any 5xx, any response outside the documented schema or content type.
# Routes that end the fuzzer's own session (log out, delete account, change password) are left
# out: they would turn the rest of the run into 401s.
set -euo pipefail

bin=${1:?usage: api-fuzz.sh BINARY EXAMPLES}
examples=${2:?usage: api-fuzz.sh BINARY EXAMPLES}
data=$(mktemp -d)
log="$data/server.log"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

fast=(--argon2-memory-kib 64 --argon2-iterations 1 --access-ttl 86400)
printf 'fuzzer-password\n' | "$bin" --data-dir "$data" "${fast[@]}" admin create fuzzer >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" --data-dir "$data" "${fast[@]}" --addr 127.0.0.1 --port "$port" --log warn serve 2>"$log" &
server=$!
base="http://127.0.0.1:$port"
token=$(python3 - "$base" <<'PY'
import json, sys, time, urllib.request
base = sys.argv[1]
for _ in range(200):
    try:
        urllib.request.urlopen(base + "/healthz", timeout=1)
        break
    except OSError:
        time.sleep(0.1)
req = urllib.request.Request(
    base + "/api/auth/login",
    data=json.dumps({"username": "fuzzer", "password": "fuzzer-password"}).encode(),
    headers={"content-type": "application/json"},
)
print(json.load(urllib.request.urlopen(req, timeout=10))["access_token"])
PY
)

# The console script, or its entry point when a fresh pip install left no script on PATH
# (pyenv shims appear only after a rehash).
st=(schemathesis)
if ! command -v schemathesis >/dev/null 2>&1; then
  st=(python3 -c 'import sys; from schemathesis.cli import schemathesis; sys.argv[0] = "schemathesis"; schemathesis()')
fi

echo "schemathesis: $examples examples per operation against $base"
status=0
"${st[@]}" run "$base/api/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance,content_type_conformance \
  --max-examples "$examples" \
  --seed 20261201 \
  --workers 2 \
  --request-timeout 10 \
  --generation-database none \
  --suppress-health-check all \
  --exclude-path-regex '^/api/(auth/logout|auth/logout-all|me/password)$' \
  --exclude-by 'method == "DELETE" and path == "/api/me"' \
  --no-color || status=$?

if grep -q "panicked" "$log"; then
  echo "the server logged a panic:"
  grep -A3 "panicked" "$log" | head -40
  status=1
fi
if ! kill -0 "$server" 2>/dev/null; then
  echo "the server died during the run:"
  tail -20 "$log"
  status=1
fi
exit "$status"
