#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a mail test ("$@") in its own world: a temporary HOME and XDG folders,
# a private D-Bus session bus, and gnome-keyring-daemon on that bus with a new
# login keyring unlocked by a throw-away password. Nothing of the real
# session (its keyring, its settings) is seen or touched, whether or not the
# caller already runs in a session of its own.
set -eu

if [ -z "${VITAE_MAIL_SESSION_DIR:-}" ]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/vitae-mail-XXXXXX")
  mkdir -m 700 "$dir/home" "$dir/runtime" "$dir/data" "$dir/config" "$dir/cache"
  status=0
  # The test's TAP goes out on fd 3; what the bus and the services it starts
  # (at-spi, the keyring) print goes to stderr, not into the TAP stream.
  exec 3>&1
  env HOME="$dir/home" XDG_RUNTIME_DIR="$dir/runtime" XDG_DATA_HOME="$dir/data" \
      XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" \
      VITAE_MAIL_SESSION_DIR="$dir" \
      dbus-run-session -- "$0" "$@" >&2 || status=$?
  rm -rf "$dir"
  exit $status
fi

# Inside the private bus.
printf '%s' 'vitae-test-keyring-password' |
  gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$VITAE_MAIL_SESSION_DIR/keyring.log" 2>&1 &
keyring=$!
trap 'kill $keyring 2>/dev/null || true; wait $keyring 2>/dev/null || true' EXIT

tries=0
until gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; do
  tries=$((tries + 1))
  if [ $tries -gt 100 ]; then
    echo "Bail out! gnome-keyring-daemon did not come up on the private bus" >&3
    cat "$VITAE_MAIL_SESSION_DIR/keyring.log" >&2
    exit 1
  fi
  sleep 0.1
done

status=0
"$@" >&3 || status=$?
# The keyring's own complaints, for whoever reads a failed test's log.
if [ -s "$VITAE_MAIL_SESSION_DIR/keyring.log" ]; then
  sed 's/^/gnome-keyring-daemon: /' "$VITAE_MAIL_SESSION_DIR/keyring.log" >&2
fi
exit $status
