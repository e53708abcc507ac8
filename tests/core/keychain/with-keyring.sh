#!/bin/sh
# Runs a command in a throw-away desktop-like environment, so keychain tests never see the
# user's own session bus or keyring:
#   --secret-service  a private D-Bus session with gnome-keyring's Secret Service, its login
#                     keyring created (and unlocked) in a temporary XDG_DATA_HOME  (default)
#   --bus-only        a private D-Bus session with no Secret Service on it
#   --dead-bus        DBUS_SESSION_BUS_ADDRESS pointing at a socket nobody listens on
#   --no-bus          no DBUS_SESSION_BUS_ADDRESS at all
# HOME, XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME and XDG_RUNTIME_DIR point into a
# temporary directory that is removed afterwards. DISPLAY and WAYLAND_DISPLAY are unset: nothing
# may open a prompt or autolaunch a bus through X11. The command's exit status is returned.
# Needs dbus-run-session (package dbus-bin/dbus) and gnome-keyring-daemon (gnome-keyring).
#
# usage: with-keyring.sh [--secret-service|--bus-only|--dead-bus|--no-bus] COMMAND [ARG...]
set -u

mode=secret-service
case "${1:-}" in
--secret-service | --bus-only | --dead-bus | --no-bus)
    mode=${1#--}
    shift
    ;;
esac
if [ $# -eq 0 ]; then
    echo "usage: $0 [--secret-service|--bus-only|--dead-bus|--no-bus] COMMAND [ARG...]" >&2
    exit 2
fi

need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "with-keyring.sh: '$1' is missing; install the packages $2 (scripts/install-deps)" >&2
    exit 1
}
case $mode in
secret-service)
    need dbus-run-session dbus
    need dbus-send dbus
    need gnome-keyring-daemon gnome-keyring
    ;;
bus-only) need dbus-run-session dbus ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ovpp-keyring.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
chmod 700 "$tmp" "$tmp/runtime"

export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime"
export OVPP_KEYCHAIN_TEST_BUS="$mode"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL XDG_SESSION_TYPE \
    XDG_CURRENT_DESKTOP DESKTOP_SESSION

# A session bus of our own: its socket lives in our runtime directory, and it activates no
# services (no service directories), so nothing outside this script starts on it.
cat >"$tmp/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$tmp/runtime</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

# Inside the session: start gnome-keyring in the foreground (so we can stop it and know it is
# gone before the directory is removed). --unlock reads the login keyring's password from stdin
# and creates the keyring with it; an empty password would make it ask a prompter instead. Then
# wait until it owns org.freedesktop.secrets: the daemon registers the name asynchronously.
keyring_session='
printf "%s" ovpp-test | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
keyring=$!
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q "boolean true"; do
    tries=$((tries + 1))
    if [ $tries -gt 200 ] || ! kill -0 $keyring 2>/dev/null; then
        echo "with-keyring.sh: gnome-keyring-daemon did not come up on the private bus" >&2
        kill $keyring 2>/dev/null
        exit 1
    fi
    sleep 0.1
done
status=0
"$@" || status=$?
kill $keyring 2>/dev/null
wait $keyring 2>/dev/null
exit $status
'

status=0
case $mode in
secret-service)
    dbus-run-session --config-file="$tmp/session.conf" -- sh -c "$keyring_session" sh "$@" \
        || status=$?
    ;;
bus-only)
    dbus-run-session --config-file="$tmp/session.conf" -- "$@" || status=$?
    ;;
dead-bus)
    DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/runtime/nobody-listens-here" "$@" || status=$?
    ;;
no-bus)
    "$@" || status=$?
    ;;
esac
exit $status
