#!/bin/sh
# What the official nginx image's /docker-entrypoint.sh does: source the executable *.envsh and run the
# executable *.sh files of /docker-entrypoint.d in order, then start nginx.
set -e
if [ "$1" = nginx ]; then
  for script in $(find /docker-entrypoint.d/ -follow -type f -print | sort -V); do
    [ -x "$script" ] || continue
    case "$script" in
      *.envsh) . "$script" ;;
      *.sh) "$script" ;;
    esac
  done
fi
exec "$@"
