#!/usr/bin/env bash
# The container smoke test: run by tools/containers/run.sh against the stack it started with docker-compose.yml
# (--scale worker=3). Everything goes through the nginx front on :8080, as a site backend and a moderator would.
# Prints each check as "ok" or "FAIL" and ends with "container smoke: N passed, N failed"; exits 1 on a failure.
set -uo pipefail
base="${SMOKE_BASE_URL:-http://localhost:8080}"
key="${DEMO_SITE_API_KEY:-demo-key}"
project="${COMPOSE_PROJECT_NAME:-moderation-containers}"
passed=0 failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
pass() { passed=$((passed + 1)); log "ok    $1"; }
fail() { failed=$((failed + 1)); log "FAIL  $1${2:+: $2}"; }
# check NAME COMMAND...: one counted check.
check() { local name="$1"; shift; if "$@" >/dev/null; then pass "$name"; else fail "$name"; fi; }
section_start=0
section() {
  local now; now=$(date +%s)
  [ "$section_start" -gt 0 ] && log "   (took $((now - section_start)) s)"
  section_start=$now
  [ -n "$1" ] && log "-- $1"
  return 0
}

containers() { podman ps --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$1" "${@:2}"; }

# submit AUTHOR_ID NAME BODY [AUTHOR_SIGNALS_JSON] -> prints the id; the HTTP status goes to $work/status
submit() {
  local body
  body=$(jq -cn --arg id "$1" --arg name "$2" --arg text "$3" --argjson signals "${4:-null}" \
    '{author: {id: $id, name: $name}, body: $text, parentId: null} + (if $signals == null then {} else {authorSignals: $signals} end)')
  curl -s -o "$work/submitted.json" -w '%{http_code}' -X POST "$base/v1/sites/demo/articles/kremlin-talks/comments" \
    -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$body" >"$work/status" 2>/dev/null || echo 000 >"$work/status"
  jq -r '.id // empty' "$work/submitted.json" 2>/dev/null
}

comment() { curl -sf "$base/v1/comments/$1" -H "Authorization: Bearer $key"; }

# decided ID TIMEOUT_SECONDS -> prints the comment once its status is not pending
decided() {
  local deadline=$(( $(date +%s) + $2 )) json
  while [ "$(date +%s)" -lt "$deadline" ]; do
    json=$(comment "$1" 2>/dev/null) && [ "$(jq -r .status <<<"$json")" != pending ] && { echo "$json"; return 0; }
    sleep 0.5
  done
  return 1
}

# all_decided TIMEOUT_SECONDS ID... -> 0 when every comment has left "pending"; prints how many did not
all_decided() {
  local deadline=$(( $(date +%s) + $1 )) id left
  shift
  local ids=("$@")
  while :; do
    left=()
    for id in "${ids[@]}"; do
      [ "$(comment "$id" 2>/dev/null | jq -r .status 2>/dev/null)" = pending ] && left+=("$id")
      [ -z "$(comment "$id" 2>/dev/null)" ] && left+=("$id")
    done
    ids=("${left[@]+"${left[@]}"}")
    [ ${#ids[@]} -eq 0 ] && return 0
    [ "$(date +%s)" -ge "$deadline" ] && { echo "${#ids[@]} of them still not decided, e.g. ${ids[0]}" >&2; return 1; }
    sleep 1
  done
}

hit() {   # hit JSON RULE MATCH -> the decision has that rule firing on that text
  jq -e --arg rule "$2" --arg match "$3" '.decision.hits | any(.rule == $rule and .match == $match)' <<<"$1" >/dev/null
}

# --- the stack -----------------------------------------------------------------------------------------------------
section "the stack: every container healthy, three workers"
if [ "${STACK_HEALTHY:-1}" != 1 ]; then
  fail "docker-compose up --scale worker=3 became healthy" "see the containers listed above"
  echo; echo "container smoke: $passed passed, $failed failed"; exit 1
fi
for service in rabbitmq mongo ingestion publishing review proxy; do
  check "$service is healthy" test "$(containers "$service" --filter health=healthy -q | wc -l)" -eq 1
done
check "3 workers are healthy" test "$(containers worker --filter health=healthy -q | wc -l)" -eq 3
check "RabbitMQ's AMQP port is not published on the host" \
  bash -c "! podman port -a | grep -q -- '->5672/'"

# --- the README's examples -----------------------------------------------------------------------------------------
section "the README's examples through the front (:8080)"
clean=$(submit u1 Ann "A clear summary of the talks, thank you.")
check "a clean comment is accepted: 202 pending" \
  bash -c "[ \"\$(cat $work/status)\" = 202 ] && jq -e '.status == \"pending\"' $work/submitted.json >/dev/null"
clean_json=$(decided "$clean" 60 || true)
check "the clean comment is approved with no hits" \
  jq -e '.status == "approved" and .decision.outcome == "approve" and (.decision.hits | length) == 0' <<<"${clean_json:-null}"
readable() {
  local deadline=$(( $(date +%s) + 30 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    curl -sf "$base/v1/sites/demo/articles/kremlin-talks/comments?limit=50&order=oldest" -H "Authorization: Bearer $key" \
      | jq -e --arg id "$1" --arg body "$2" '.items | any(.id == $id and .body == $body)' >/dev/null && return 0
    sleep 0.5
  done
  return 1
}
check "the approved comment is readable under its article" readable "$clean" "A clear summary of the talks, thank you."

link=$(submit u2 Bo "Read the real story at https://example.org/story" '{"accountAgeDays": 1}')
link_json=$(decided "$link" 60 || true)
check "a new commenter's link is flagged" jq -e '.status == "flagged"' <<<"${link_json:-null}"
for rule in link.any spam.bare-link link.new-commenter; do
  check "  with $rule on the link" hit "${link_json:-null}" "$rule" "https://example.org/story"
done

abuse_text="Immigrants like you are vermin, you stupid f.u.c.k.i.n.g idiot, go kill yourself"
abuse=$(submit u3 Cy "$abuse_text")
abuse_json=$(decided "$abuse" 60 || true)
check "abuse is rejected with score 5.5" jq -e '.status == "rejected" and .decision.score == 5.5' <<<"${abuse_json:-null}"
check "  profanity.strong on f.u.c.k.i.n.g at 43, length 13" \
  jq -e '.decision.hits | any(.rule == "profanity.strong" and .match == "f.u.c.k.i.n.g" and .start == 43 and .length == 13)' <<<"${abuse_json:-null}"
for pair in "insult.person|vermin" "insult.person|stupid" "insult.person|idiot" "threat.at-reader|kill yourself" \
            "hate.dehumanising|Immigrants like you are vermin"; do
  check "  ${pair%%|*} on \"${pair#*|}\"" hit "${abuse_json:-null}" "${pair%%|*}" "${pair#*|}"
done
check "a request without a key is 401 problem+json" \
  bash -c "curl -s -o /dev/null -w '%{http_code} %{content_type}' '$base/v1/comments/$clean' | grep -q '^401 application/problem+json'"

# --- a moderator, through the front -------------------------------------------------------------------------------
section "a moderator signs in through the front and decides the flagged comment"
jar="$work/cookies"
review() {   # review METHOD PATH [JSON]: the console's calls, with its cookie and antiforgery header
  curl -s -b "$jar" -c "$jar" -X "$1" "$base/v1/review$2" -H 'Content-Type: application/json' \
    -H "$(cat "$work/antiforgery-header" 2>/dev/null): $(cat "$work/antiforgery" 2>/dev/null)" ${3:+-d "$3"}
}
antiforgery() {
  curl -s -b "$jar" -c "$jar" "$base/v1/review/auth/antiforgery" >"$work/antiforgery.json"
  jq -r .token "$work/antiforgery.json" >"$work/antiforgery"
  jq -r .headerName "$work/antiforgery.json" >"$work/antiforgery-header"
}
check "the console page is served: GET /console/ is 200 text/html" \
  bash -c "curl -s -o /dev/null -w '%{http_code} %{content_type}' '$base/console/' | grep -q '^200 text/html'"
antiforgery
signed_in=$(review POST /auth/sign-in "$(jq -cn --arg u "${REVIEW_ADMIN_USERNAME:-chief}" --arg p "${REVIEW_ADMIN_PASSWORD:-}" '{username: $u, password: $p}')")
check "the bootstrap admin signs in" jq -e '.role == "admin"' <<<"${signed_in:-null}"
antiforgery
check "the admin sees the site demo (Review has Sites:*)" jq -e 'any(.[]; .siteId == "demo")' <<<"$(review GET /sites)"
check "the flagged comment is in demo's queue" \
  jq -e --arg id "$link" '.items | any(.id == $id)' <<<"$(review GET /sites/demo/queue)"
check "the moderator claims it" jq -e --arg id "$link" '.id == $id or .comment.id == $id' <<<"$(review POST "/items/$link/claim")"
check "and approves it" jq -e '.status == "approved"' <<<"$(review POST "/items/$link/approve" '{}')"
approved=$(
  deadline=$(( $(date +%s) + 30 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    json=$(comment "$link") && jq -e '.status == "approved"' <<<"$json" >/dev/null && { echo "$json"; break; }
    sleep 0.5
  done
)
check "the comment's status is then approved, with the review recorded" jq -e '.status == "approved" and .review != null' <<<"${approved:-null}"
check "and it is readable under its article" readable "$link" "Read the real story at https://example.org/story"

# --- a worker dies -------------------------------------------------------------------------------------------------
section "one worker is killed (podman kill); comments keep flowing"
victim=$(containers worker -q | head -1)
podman kill "$victim" >/dev/null 2>&1
check "a worker container was killed" test -n "$victim"
ids=()
for n in $(seq 1 30); do
  id=$(submit "flow-$n" "Reader $n" "Comment $n after a worker died: the talks went on for hours.")
  [ -n "$id" ] && ids+=("$id")
done
check "30 comments accepted while a worker is down" test ${#ids[@]} -eq 30
check "all 30 decided by the remaining workers within 60 s" all_decided 60 "${ids[@]}"

# --- the broker restarts -------------------------------------------------------------------------------------------
section "the RabbitMQ container restarts; nothing accepted is lost"
accepted=() refused=0
burst() {
  local n id
  for n in $(seq "$1" "$2"); do
    id=$(submit "burst-$n" "Reader $n" "Comment $n around a broker restart: what the minister said next.")
    if [ "$(cat "$work/status")" = 202 ] && [ -n "$id" ]; then echo "$id" >>"$work/accepted"; else echo "$(cat "$work/status")" >>"$work/refused"; fi
  done
}
: >"$work/accepted"; : >"$work/refused"
burst 1 40
rabbit=$(containers rabbitmq -q | head -1)
burst 41 60 &
burster=$!
restart_start=$(date +%s)
podman restart "$rabbit" >/dev/null 2>&1
check "the RabbitMQ container was restarted" test -n "$rabbit"
wait "$burster"
log "   broker restarted in $(( $(date +%s) - restart_start )) s; during it: $(sort "$work/refused" | uniq -c | tr '\n' ' ')"
back=0
for _ in $(seq 1 90); do
  podman healthcheck run "$rabbit" >/dev/null 2>&1 && { back=1; break; }
  sleep 1
done
check "RabbitMQ is healthy again" test "$back" = 1
burst 61 80
mapfile -t accepted <"$work/accepted"
log "   accepted ${#accepted[@]} of 80; refused $(wc -l <"$work/refused") (503 with Retry-After is the documented answer while the broker cannot confirm)"
check "every refusal was a 503" bash -c "! grep -v '^503$' '$work/refused' | grep -q ."
check "submissions after the restart are accepted" \
  test "$(tail -20 "$work/accepted" | wc -l)" -eq 20 -a "$(grep -c . "$work/refused" || true)" -le 40
check "every accepted comment is decided within 120 s (${#accepted[@]})" all_decided 120 "${accepted[@]}"
check "the services are healthy again after the broker restart" \
  bash -c "for s in ingestion publishing review; do [ \"\$(podman ps --filter label=com.docker.compose.project=$project --filter label=com.docker.compose.service=\$s --filter health=healthy -q | wc -l)\" -eq 1 ] || exit 1; done"

# --- each image alone, with its defaults ----------------------------------------------------------------------------
section "each image alone with its defaults: ready (SQLite in its writable /data), or a clear non-zero exit"
defaults() {   # defaults IMAGE: 0 when the container gets healthy, or exits non-zero saying "Cannot start: ..."
  local name="moderation-defaults-$1" deadline=$(( $(date +%s) + 120 )) state
  podman rm -f "$name" >/dev/null 2>&1
  podman run -d --name "$name" --network none "moderation/$1:${MODERATION_TAG:-latest}" >/dev/null 2>&1 || return 1
  while [ "$(date +%s)" -lt "$deadline" ]; do
    state=$(podman inspect --format '{{.State.Status}} {{.State.ExitCode}}' "$name" 2>/dev/null)
    case "$state" in
      running*)
        if podman healthcheck run "$name" >/dev/null 2>&1; then
          log "      $1: ready with its defaults"
          podman rm -f -t 5 "$name" >/dev/null 2>&1; return 0
        fi ;;
      exited\ 0) break ;;
      exited*)
        podman logs "$name" 2>&1 | grep '^Cannot start:' | sed "s/^/      $1: exit ${state#exited }, /"
        podman logs "$name" 2>&1 | grep -q '^Cannot start:' && { podman rm -f "$name" >/dev/null 2>&1; return 0; }
        break ;;
    esac
    sleep 3
  done
  log "      $1: $state; last lines: $(podman logs "$name" 2>&1 | tail -3 | tr '\n' ' ')"
  podman rm -f "$name" >/dev/null 2>&1
  return 1
}
for image in ingestion worker publishing review; do
  check "moderation/$image with its defaults" defaults "$image"
done

section ""
echo
echo "container smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
