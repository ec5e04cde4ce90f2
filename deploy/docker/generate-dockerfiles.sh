#!/bin/sh
# Writes services/<Service>/Dockerfile for each containerised service from
# deploy/docker/Dockerfile.template. With --check, writes nothing and exits 1
# when a Dockerfile differs from what the template gives (for CI).
set -eu

root="$(cd "$(dirname "$0")/../.." && pwd)"
template="$root/deploy/docker/Dockerfile.template"
services="Moderation.Ingestion Moderation.Worker Moderation.Publishing Moderation.Review Moderation.Webhooks"
check=false
[ "${1:-}" = "--check" ] && check=true

status=0
for service in $services; do
    image="$(echo "${service#Moderation.}" | tr '[:upper:]' '[:lower:]')"
    target="$root/services/$service/Dockerfile"
    generated="$(sed -e "s/@SERVICES@/$services/g" -e "s/@SERVICE@/$service/g" -e "s/@IMAGE@/$image/g" "$template")"
    if $check; then
        if [ ! -f "$target" ] || [ "$(cat "$target")" != "$generated" ]; then
            echo "stale: services/$service/Dockerfile (run deploy/docker/generate-dockerfiles.sh)" >&2
            status=1
        fi
    else
        printf '%s\n' "$generated" > "$target"
        echo "wrote services/$service/Dockerfile"
    fi
done
exit $status
