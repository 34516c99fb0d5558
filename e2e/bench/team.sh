# Sourced by the benchmark scripts: a fresh team on the running local stack (deploy/local/up.sh).
#   register_team NAME      sets run, token and project (the owner's access token and project id)
#   create_ingest_key       prints an API key of that project with ingest:write
# Needs PORTS (deploy/local/env.sh).

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

register_team() {
  run=$1$(date +%s)
  local registered
  registered=$(curl -sf -X POST -H 'Content-Type: application/json' "http://127.0.0.1:${PORTS[auth]}/api/v1/auth/register" \
    -d "{\"email\":\"$run@example.com\",\"password\":\"a long enough password\",\"fullName\":\"Bench\",\"tenantName\":\"$run\"}")
  token=$(json "['accessToken']" <<<"$registered")
  project=$(json "['project']['id']" <<<"$registered")
}

create_ingest_key() {
  curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    "http://127.0.0.1:${PORTS[auth]}/api/v1/projects/$project/api-keys" \
    -d '{"name":"bench","scopes":["ingest:write"]}' | json "['key']"
}
