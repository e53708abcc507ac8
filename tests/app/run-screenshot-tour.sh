#!/usr/bin/env bash
# The screenshot tour on the real sandbox: a litesvm localnet (balances, sends, history), a
# pymodbus SunSpec inverter (pairing, device cards, the chart), and the ocpp-rpc charge point
# simulator the tour starts itself for the charger pairing and the fleet. Everything on
# 127.0.0.1, on free ports, stopped when the tour ends.
#   tests/app/run-screenshot-tour.sh <openvpp-world> <output dir>
set -euo pipefail
app=$1
out=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Waits until `file` has a line starting with `prefix`, prints the rest of it.
await_line() {
    local file=$1 prefix=$2
    for _ in $(seq 1 300); do
        local line
        line=$(grep -m1 "^$prefix" "$file" 2>/dev/null || true)
        if [ -n "$line" ]; then
            echo "${line#"$prefix"}"
            return 0
        fi
        sleep 0.1
    done
    echo "run-screenshot-tour: no $prefix line from $file:" >&2
    cat "$file" >&2
    return 1
}

node "$repo/tests/sandbox/localnet/server.mjs" --port 0 >"$work/localnet.out" 2>"$work/localnet.err" &
pids+=($!)
/usr/bin/python3 "$repo/tests/sandbox/inverter/sunspec_inverter.py" --port 0 --time 12:30 \
    --peak-w 3200 --battery --mppt 2 >"$work/inverter.out" 2>"$work/inverter.err" &
pids+=($!)

export OVPP_RPC_URL
OVPP_RPC_URL=$(await_line "$work/localnet.out" RPC_URL=)
export OVPP_USDE_MINT
OVPP_USDE_MINT=$(await_line "$work/localnet.out" USDE_MINT=)
export OVPP_FAUCET_URL
OVPP_FAUCET_URL=$(await_line "$work/localnet.out" FAUCET_URL=)
inverter_url=$(await_line "$work/inverter.out" INVERTER_URL=)
export OVPP_TOUR_INVERTER="${inverter_url#modbus://}"
export OVPP_CHARGEPOINT_SIM="$repo/tests/sandbox/chargers/chargepoint.mjs"

rm -rf "$out"
mkdir -p "$out"
xvfb-run -a -s "-screen 0 1280x800x24" "$app" --screenshot "$out"
