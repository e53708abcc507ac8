#!/usr/bin/python3
"""SunSpec Modbus TCP inverter simulator for the OpenVPP sandbox and integration tests.

Serves a SunSpec register map (SunS marker, common model 1, an inverter model 103 (integer +
scale factors) or 113 (float32), optionally MPPT model 160 and battery model 802, end marker)
over Modbus TCP with pymodbus (Debian python3-pymodbus 3.0) on 127.0.0.1 only.

Run with /usr/bin/python3. With --port 0 a free port is chosen; the first line on stdout is
    INVERTER_URL=modbus://127.0.0.1:PORT
so that a test or the sandbox script can find it.

AC power follows a solar-day curve by simulated time of day (--time HH:MM fixes it; otherwise the
local wall clock is used): peak at 12:00, zero before 06:00 and after 18:00, where the inverter
reports SLEEPING. Lifetime energy increases with the power served (integrated over real time).
"""

import argparse
import asyncio
import datetime
import logging
import math
import signal
import struct
import sys
import time
from decimal import Decimal

import types

# pymodbus 3.0's server module imports pyserial and pyserial-asyncio at load time even for TCP;
# Debian only *recommends* them (python3-serial-asyncio), so a minimal install lacks them. We
# never open a serial port, so empty stand-ins are enough when the real modules are missing.
for _name, _attrs in (("serial", {}), ("serial_asyncio", {"create_serial_connection": None})):
    try:
        __import__(_name)
    except ImportError:
        _stub = types.ModuleType(_name)
        _stub.__dict__.update(_attrs)
        sys.modules[_name] = _stub

from pymodbus.datastore import ModbusServerContext, ModbusSlaveContext  # noqa: E402
from pymodbus.datastore.store import BaseModbusDataBlock  # noqa: E402
from pymodbus.server.async_io import ModbusTcpServer  # noqa: E402

# SunSpec "not implemented" markers (sunspec2 mb.py).
NI_INT16 = 0x8000
NI_UINT16 = 0xFFFF
NI_SUNSSF = 0x8000
NI_ACC32 = 0
NI_BITFIELD32 = 0xFFFFFFFF
FLOAT_NAN = struct.unpack(">f", struct.pack(">I", 0x7FC00000))[0]

ST_SLEEPING = 2
ST_MPPT = 4

SUNRISE_H = 6.0
SUNSET_H = 18.0


def u16(v):
    return v & 0xFFFF


def s16(v):
    if v < -32767 or v > 32767:
        raise ValueError(f"value {v} does not fit an int16 register")
    return v & 0xFFFF


def u32(v):
    return [(v >> 16) & 0xFFFF, v & 0xFFFF]


def f32(v):
    hi, lo = struct.unpack(">HH", struct.pack(">f", v))
    return [hi, lo]


def text(s, regs):
    raw = s.encode("ascii")
    if len(raw) > regs * 2:
        raise ValueError(f"string {s!r} longer than {regs * 2} characters")
    raw = raw.ljust(regs * 2, b"\0")
    return list(struct.unpack(f">{regs}H", raw))


def scaled(value, sf):
    """Decimal value -> integer register value for scale factor sf (exact or an error)."""
    raw = Decimal(value) * (Decimal(10) ** -sf)
    if raw != raw.to_integral_value():
        raise ValueError(f"{value} is not representable with scale factor {sf}")
    return int(raw)


def fit_int16(value):
    """(raw, sf) with the finest scale factor in -1..3 that represents value exactly in an
    int16, as real devices pick W_SF to suit their rating."""
    for sf in (-1, 0, 1, 2, 3):
        try:
            raw = scaled(value, sf)
        except ValueError:
            continue
        if -32767 <= raw <= 32767:
            return raw, sf
    raise ValueError(f"{value} does not fit an int16 with a scale factor of -1..3")


class Inverter:
    def __init__(self, args):
        self.args = args
        self.peak_w = Decimal(args.peak_w)
        self.hz = Decimal(args.hz)
        self.energy_wh = Decimal(args.energy_wh)
        self.last = time.monotonic()

    def time_of_day_hours(self):
        if self.args.time:
            hh, mm = self.args.time.split(":")
            return int(hh) + int(mm) / 60.0
        now = datetime.datetime.now()
        return now.hour + now.minute / 60.0 + now.second / 3600.0

    def power_w(self):
        """AC power now, a Decimal with one decimal place (0.1 W resolution)."""
        if self.args.asleep:
            return Decimal(0)
        h = self.time_of_day_hours()
        if h <= SUNRISE_H or h >= SUNSET_H:
            return Decimal(0)
        factor = math.sin(math.pi * (h - SUNRISE_H) / (SUNSET_H - SUNRISE_H))
        # Exact at the peak (sin = 1) so that tests can compare with --peak-w.
        if abs(factor - 1.0) < 1e-12:
            return self.peak_w
        return (self.peak_w * Decimal(factor)).quantize(Decimal("0.1"))

    def update_energy(self, power):
        now = time.monotonic()
        self.energy_wh += power * Decimal(now - self.last) / Decimal(3600)
        self.last = now

    def state(self, power):
        return ST_SLEEPING if power == 0 else ST_MPPT

    # -- models ---------------------------------------------------------------------------
    def model1(self):
        a = self.args
        body = (text(a.manufacturer, 16) + text(a.model_name, 16) + text(a.options, 8)
                + text(a.version, 8) + text(a.serial, 16) + [a.unit_id])
        if a.model1_length == 66:
            body.append(NI_INT16)  # Pad (don't care; pysunspec2's test data has 0x8000)
        assert len(body) == a.model1_length
        return [1, len(body)] + body

    def model103(self, power):
        a = self.args
        hz_sf, wh_sf, v_sf, a_sf = -2, a.wh_sf, -1, -2
        w_raw, w_sf = fit_int16(power)
        volts = Decimal("230.0")
        amps = (power / volts / 3).quantize(Decimal("0.01")) if power else Decimal(0)
        dcw_raw, dcw_sf = fit_int16((power * Decimal("1.04")).quantize(Decimal("1")))
        energy = int(self.energy_wh) // (10 ** wh_sf)
        if energy > 0xFFFFFFFF:
            raise ValueError("energy does not fit acc32 with this WH_SF")
        body = [
            u16(scaled(amps * 3, a_sf)), u16(scaled(amps, a_sf)), u16(scaled(amps, a_sf)),
            u16(scaled(amps, a_sf)), s16(a_sf),
            NI_UINT16, NI_UINT16, NI_UINT16,
            u16(scaled(volts, v_sf)), u16(scaled(volts, v_sf)), u16(scaled(volts, v_sf)), s16(v_sf),
            s16(w_raw), s16(w_sf),
            u16(scaled(self.hz, hz_sf)), s16(hz_sf),
            NI_INT16, NI_SUNSSF,  # VA, VA_SF
            NI_INT16, NI_SUNSSF,  # VAr, VAr_SF
            NI_INT16, NI_SUNSSF,  # PF, PF_SF
            *u32(energy), s16(wh_sf),
            NI_UINT16, NI_SUNSSF,  # DCA, DCA_SF
            NI_UINT16, NI_SUNSSF,  # DCV, DCV_SF
            s16(dcw_raw), s16(dcw_sf),  # DCW, DCW_SF
            s16(415), NI_INT16, NI_INT16, NI_INT16, s16(-1),  # TmpCab 41.5 C, ..., Tmp_SF
            self.state(power), NI_UINT16,
            *u32(0), *u32(0),  # Evt1, Evt2
            *u32(NI_BITFIELD32), *u32(NI_BITFIELD32), *u32(NI_BITFIELD32), *u32(NI_BITFIELD32),
        ]
        assert len(body) == 50
        return [103, 50] + body

    def model113(self, power):
        volts = 230.0
        amps = float(power) / volts / 3 if power else 0.0
        dcw = float((power * Decimal("1.04")).quantize(Decimal("1")))
        body = (
            f32(amps * 3) + f32(amps) + f32(amps) + f32(amps)
            + f32(FLOAT_NAN) * 3
            + f32(volts) * 3
            + f32(float(power)) + f32(float(self.hz))
            + f32(FLOAT_NAN) * 3  # VA, VAr, PF
            + f32(float(int(self.energy_wh)))
            + f32(FLOAT_NAN) + f32(FLOAT_NAN) + f32(dcw)  # DCA, DCV, DCW
            + f32(41.5) + f32(FLOAT_NAN) * 3
            + [self.state(power), NI_UINT16]
            + u32(0) + u32(0) + u32(NI_BITFIELD32) * 4
        )
        assert len(body) == 60
        return [113, 60] + body

    def model160(self, power):
        n = self.args.mppt
        dcw_total = int((power * Decimal("1.04")).quantize(Decimal("1")))
        body = [s16(-1), s16(-1), s16(0), s16(0), *u32(0), n, NI_UINT16]
        for i in range(n):
            share = dcw_total // n + (1 if i < dcw_total % n else 0)
            body += [i + 1, *text(f"PV{i + 1}", 8), NI_UINT16, u16(scaled(Decimal("380.0"), -1)),
                     u16(share), *u32(int(self.energy_wh) // n), *u32(0),
                     s16(30), self.state(power), *u32(0)]
        return [160, len(body)] + body

    def model802(self):
        a = self.args
        soc = scaled(Decimal(a.battery_soc), -1)
        body = [NI_UINT16] * 62
        body[2 - 2] = u16(100)  # AHRtg 100 Ah (AHRtg_SF 0 below)
        body[3 - 2] = u16(scaled(Decimal("10000"), 1))  # WHRtg 10 kWh, WHRtg_SF 1
        body[11 - 2] = u16(soc)  # SoC
        body[16 - 2] = 4 if a.battery_w < 0 else 3  # ChaSt CHARGING / DISCHARGING
        body[17 - 2] = 0  # LocRemCtl REMOTE
        body[20 - 2] = 0  # AlmRst
        body[21 - 2] = 4  # Typ LITHIUM_ION
        body[22 - 2] = 3  # State CONNECTED
        body[24 - 2:26 - 2] = [0, 0]  # WarrDt
        body[26 - 2:34 - 2] = u32(0) + u32(0) + u32(0) + u32(0)
        body[34 - 2] = u16(scaled(Decimal("400.0"), -1))  # V
        body[44 - 2] = s16(0)  # A
        body[47 - 2] = s16(a.battery_w)  # W (positive = discharging)
        body[50 - 2] = 1  # SetOp
        body[51 - 2] = 3  # SetInvState
        sfs = {52: 0, 53: 1, 54: 0, 55: NI_SUNSSF, 56: -1, 57: NI_SUNSSF, 58: NI_SUNSSF,
               59: -1, 60: -3, 61: -1, 62: 0, 63: 0}
        for off, sf in sfs.items():
            body[off - 2] = sf if sf == NI_SUNSSF else s16(sf)
        return [802, 62] + body

    def image(self):
        """The whole register map from the base address on."""
        power = self.power_w()
        self.update_energy(power)
        regs = [0x5375, 0x6E53]
        regs += self.model1()
        regs += self.model103(power) if self.args.model == 103 else self.model113(power)
        if self.args.mppt:
            regs += self.model160(power)
        if self.args.battery:
            regs += self.model802()
        regs += [0xFFFF, 0]
        return self.corrupt(regs)

    def corrupt(self, regs):
        mode = self.args.corrupt
        if mode == "no-suns":
            # Plausible-looking registers but no SunS marker anywhere.
            return [(i * 7919) & 0xFFFF for i in range(len(regs))]
        if mode == "bad-chain":
            # Model 1 claims a length that runs off the end of the register map.
            regs[3] = 0x7000
        return regs


class SunSpecBlock(BaseModbusDataBlock):
    """Holding registers computed at request time; anything outside the map is an illegal
    address (Modbus exception 2), like a real device."""

    def __init__(self, inverter, base):
        self.inverter = inverter
        self.base = base
        self.address = base
        self.default_value = 0
        self.values = {}
        self.size = len(inverter.image())

    def validate(self, address, count=1):
        return self.base <= address and address + count <= self.base + self.size

    def getValues(self, address, count=1):
        image = self.inverter.image()
        start = address - self.base
        return image[start:start + count]

    def setValues(self, address, values):
        # The simulator is read-only; writes are accepted and ignored.
        pass


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, default=0, help="TCP port, 0 picks a free one")
    p.add_argument("--base", type=int, choices=(0, 40000, 50000), default=40000)
    p.add_argument("--model", type=int, choices=(103, 113), default=103)
    p.add_argument("--model1-length", type=int, choices=(65, 66), default=66)
    p.add_argument("--unit-id", type=int, default=1)
    p.add_argument("--asleep", action="store_true", help="report SLEEPING and no power")
    p.add_argument("--time", help="simulated time of day HH:MM (default: the wall clock)")
    p.add_argument("--peak-w", default="3000.0", help="AC power at noon, W (0.1 W resolution)")
    p.add_argument("--hz", default="50.00", help="grid frequency, Hz (0.01 Hz resolution)")
    p.add_argument("--energy-wh", type=int, default=12_345_678, help="lifetime energy at start")
    p.add_argument("--wh-sf", type=int, default=0, help="WH_SF used for model 103")
    p.add_argument("--manufacturer", default="OpenVPP")
    p.add_argument("--model-name", default="SimInverter-3P")
    p.add_argument("--options", default="sim")
    p.add_argument("--version", default="1.0.0")
    p.add_argument("--serial", default="SIM-0001")
    p.add_argument("--mppt", type=int, default=0, help="add model 160 with N modules")
    p.add_argument("--battery", action="store_true", help="add battery model 802")
    p.add_argument("--battery-soc", default="55.5", help="battery state of charge, percent")
    p.add_argument("--battery-w", type=int, default=-1200, help="battery power, W (+ discharge)")
    p.add_argument("--corrupt", choices=("none", "no-suns", "bad-chain"), default="none")
    args = p.parse_args(argv)
    if args.time:
        try:
            hh, mm = (int(x) for x in args.time.split(":"))
        except ValueError:
            p.error("--time must be HH:MM")
        if not (0 <= hh < 24 and 0 <= mm < 60):
            p.error("--time must be HH:MM")
    if not 1 <= args.unit_id <= 247:
        p.error("--unit-id must be 1..247")
    return args


async def main(argv):
    args = parse_args(argv)
    logging.basicConfig(level=logging.CRITICAL)
    inverter = Inverter(args)
    try:
        block = SunSpecBlock(inverter, args.base)  # builds the map once: bad options fail here
    except ValueError as exc:
        sys.exit(f"sunspec_inverter: {exc}")
    slave = ModbusSlaveContext(hr=block, zero_mode=True)
    context = ModbusServerContext(slaves={args.unit_id: slave}, single=False)
    server = ModbusTcpServer(context, address=("127.0.0.1", args.port), allow_reuse_address=True)
    task = asyncio.create_task(server.serve_forever())
    await server.serving
    port = server.server.sockets[0].getsockname()[1]
    print(f"INVERTER_URL=modbus://127.0.0.1:{port}", flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await server.server_close()
    task.cancel()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
