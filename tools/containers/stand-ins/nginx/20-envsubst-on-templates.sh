#!/bin/sh
# As in the official nginx image: /etc/nginx/templates/X.template becomes /etc/nginx/conf.d/X, with only the
# variables that are set in the environment substituted (nginx's own $variables stay as they are).
set -e
[ -d /etc/nginx/templates ] || exit 0
defined=$(awk 'END { for (name in ENVIRON) printf "${%s} ", name }' </dev/null)
for template in /etc/nginx/templates/*.template; do
  [ -f "$template" ] || continue
  envsubst "$defined" <"$template" >"/etc/nginx/conf.d/$(basename "$template" .template)"
done
