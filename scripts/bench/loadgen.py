"""Peilbot benchmark: respondents over real WebSockets against a running app, beside the raw database rate.

Started by scripts/benchmark, which builds the app, installs FerretDB and this script's two libraries. For
each number of stored responses it starts its own FerretDB and app on loopback ports, seeds the database
directly, and then for each load:

- drives N concurrent respondents through the whole questionnaire of the open link (a respondent who
  finishes starts again as a new one) and counts turns, latency (answer sent -> next question received),
  errors, app heap, app and FerretDB CPU;
- measures, with the same concurrency, the raw driver rate of a turn's own database operations on the same
  database: the five commands an applied answer sends (docs/storage.md, "Per-turn commands"): find the response
  by _id, look for a newer turn record by _id, insert a ~5 KB turn record, replace the response guarded by
  {_id, version}, insert a small dashboard delta;
- measures the latency of a frame that touches no database (an unknown frame type, answered with an error).

It prints one table; nothing here asserts a time.
"""

import argparse
import asyncio
import hashlib
import json
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timezone

import pymongo
import websockets

SURVEY = "ai-in-hospitals-2020"
WAVE = "2020"
PAD = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 80  # about 4.6 KB of answer text
TURN_TIMEOUT = 30.0
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- processes


def listening(port):
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def heap_used_mb(pid):
    """The Java heap in use right now (live data and garbage not yet collected), from jcmd."""
    try:
        out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.TimeoutExpired):
        return float("nan")
    m = re.search(r"total (\d+)K, used (\d+)K", out)
    return int(m.group(2)) / 1024 if m else float("nan")


def heap_after_gc_mb(pid):
    """The live heap: used after a full GC (jcmd GC.run), which is what the connections and conversations hold."""
    try:
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return float("nan")
    return heap_used_mb(pid)


def memory(pid):
    """(heap in use, heap after a full GC, RSS) in MB; the GC comes second so the first figure is undisturbed."""
    used = heap_used_mb(pid)
    return used, heap_after_gc_mb(pid), rss_mb(pid)


class Database:
    def __init__(self, port, data):
        self.port, self.data = port, data

    def start(self):
        subprocess.run(["rm", "-rf", self.data], check=True)
        subprocess.run([os.path.join(REPO, "scripts/start-ferretdb"), str(self.port), self.data],
                       check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(self.data, "ferretdb.pid")) as f:
            self.pid = int(f.read().strip())
        return self

    def stop(self):
        subprocess.run([os.path.join(REPO, "scripts/stop-ferretdb"), self.data], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)

    def uri(self, name="peilbot"):
        return f"mongodb://127.0.0.1:{self.port}/{name}"


class App:
    def __init__(self, jar, port, mongo_uri, log, java_options=()):
        self.jar, self.port, self.mongo_uri, self.log = jar, port, mongo_uri, log
        self.java_options = list(java_options)

    def start(self):
        if listening(self.port):
            sys.exit(f"benchmark: port {self.port} is in use (an app left by an earlier run?); stop it or pass --app-port")
        env = dict(os.environ, MONGODB_URI=self.mongo_uri, PORT=str(self.port), SERVER_ADDRESS="127.0.0.1",
                   PEILBOT_ORGANISER_PASSWORD=secrets.token_urlsafe(18),
                   PEILBOT_ANALYST_PASSWORD=secrets.token_urlsafe(18))
        env.pop("TELEGRAM_BOT_TOKEN", None)
        # The load generator answers without think time, far faster than a person: the per-connection rate limit
        # (a guard against abuse) is lifted so that the benchmark measures turns, not the limiter.
        self.process = subprocess.Popen(["java", *self.java_options, "-jar", self.jar,
                                         "--peilbot.web.rate-limit.burst=100000",
                                         "--peilbot.web.rate-limit.per-second=100000"], env=env, cwd=REPO,
                                        stdout=open(self.log, "w"), stderr=subprocess.STDOUT)
        deadline = time.time() + 180
        while not listening(self.port):
            if self.process.poll() is not None:
                sys.exit(f"benchmark: the app exited during start-up; see {self.log}")
            if time.time() > deadline:
                self.stop()
                sys.exit(f"benchmark: the app did not open port {self.port}; see {self.log}")
            time.sleep(0.5)
        return self

    @property
    def pid(self):
        return self.process.pid

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()


# ---------------------------------------------------------------- seeding


def response_document(now, status="in_progress"):
    rid = "r_" + secrets.token_hex(12)
    return {
        "_id": rid, "survey": SURVEY, "wave": WAVE, "flowVersion": "0000000000000000", "status": status,
        "language": "nl", "channels": ["web"],
        "profile": {"hospital": "Ziekenhuis " + rid[-6:], "hospitalType": "topklinisch", "role": "cmio"},
        "answers": {"hospital": {"text": "Ziekenhuis " + rid[-6:], "answeredAt": now, "source": "chat"},
                    "potential": {"text": PAD, "answeredAt": now, "secondsTaken": 40, "source": "chat"}},
        "startedAt": now, "updatedAt": now, "version": 7, "recentMessageIds": [str(uuid.uuid4()) for _ in range(7)],
        "conversation": {"stage": "asking", "currentStep": "concerns", "askedAt": now},
    }


def seed(db, count):
    """Stored responses (about 5 KB, in progress, so the app's start-up repair of the results has nothing to do)
    and their open-link invitations, inserted directly in batches."""
    now = datetime.now(timezone.utc)
    started = time.time()
    for first in range(0, count, 1000):
        responses = [response_document(now) for _ in range(min(1000, count - first))]
        db.responses.insert_many(responses, ordered=False)
        db.invitations.insert_many([{
            "_id": hashlib.sha256(secrets.token_bytes(32)).hexdigest(), "survey": SURVEY, "wave": WAVE,
            "kind": "open", "responseId": r["_id"], "profile": {}, "createdAt": now} for r in responses], ordered=False)
    size = len(json.dumps(response_document(now), default=str))
    return time.time() - started, size


# ---------------------------------------------------------------- raw database rate


def raw_rate(uri, concurrency, seconds, response_ids):
    """A turn's own database operations with `concurrency` independent clients: find the response by _id, look
    for a newer turn record by _id, insert a ~5 KB turn record, replace the response by {_id, version}, insert a
    small dashboard delta. Returns (turns' worth of operations per second, p50 of one such set in ms)."""
    client = pymongo.MongoClient(uri, maxPoolSize=concurrency + 4)
    db = client.get_default_database()
    stop = time.time() + seconds
    latencies, lock = [], threading.Lock()

    def work(worker):
        rid = response_ids[worker % len(response_ids)]
        mine = []
        version = db.responses.find_one({"_id": rid}, {"version": 1})["version"]
        while time.time() < stop:
            t0 = time.perf_counter()
            document = db.responses.find_one({"_id": rid})
            turn_id = f"{rid}:{worker}:{version}:{uuid.uuid4().hex}"
            db.benchTurns.find_one({"_id": turn_id + ":next"})
            db.benchTurns.insert_one({"_id": turn_id, "response": rid, "version": version + 1, "record": PAD})
            document["version"] = version + 1
            matched = db.responses.replace_one({"$and": [{"_id": rid}, {"version": version}]}, document).matched_count
            version = version + 1 if matched else db.responses.find_one({"_id": rid}, {"version": 1})["version"]
            db.benchQueue.insert_one({"_id": f"{rid}:{uuid.uuid4().hex}", "ref": rid})
            mine.append(time.perf_counter() - t0)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(concurrency)]
    started = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - started
    client.close()
    return len(latencies) / elapsed, percentile(latencies, 50) * 1000


# ---------------------------------------------------------------- respondents


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class Stats:
    def __init__(self):
        self.latencies = []
        self.turns = 0
        self.completed = 0
        self.errors = {}
        self.outcomes = {}
        self.recording = False
        self.stopping = False
        self.loop_lags = []
        self.own_cpu = 0.0

    def error(self, code):
        if self.recording:
            self.errors[code] = self.errors.get(code, 0) + 1


def echo_fields(ask):
    """Whatever step/ask fields the question frame carries, so an answer names the question it answers."""
    return {k: v for k, v in ask.items() if k != "type" and (k.lower().startswith("step") or k.lower().startswith("ask"))}


def answer_to(ask, seen):
    """A reply that moves the questionnaire on: consent yes, the first option, a short text, done, submit."""
    codes = [b["code"] for b in ask.get("buttons", [])]
    options = [c for c in codes if not c.startswith("#") and c != "other"]
    step = ask.get("step", "")
    seen[step] = seen.get(step, 0) + 1
    if "#submit" in codes:
        return {"type": "choice", "code": "#submit"}
    if "#yes" in codes:
        return {"type": "choice", "code": "#yes"}
    kind = ask.get("input")
    if kind == "multiple_choice":
        if ask.get("selected") and "#done" in codes:
            return {"type": "choice", "code": "#done"}
        return {"type": "choice", "code": options[0]} if options else {"type": "choice", "code": codes[0]}
    if kind == "single_choice" and options:
        return {"type": "choice", "code": options[0]}
    if "#done" in codes and seen[step] > 2:
        return {"type": "choice", "code": "#done"}
    return {"type": "text", "text": "Radiologie beeldherkenning " + str(seen[step])}


async def respondent(url, stats, think, ready):
    """One respondent after another through the open link until the run stops; each answer waits `think()` s."""
    while not stats.stopping:
        try:
            async with websockets.connect(url, max_size=2 ** 20, open_timeout=TURN_TIMEOUT,
                                          ping_interval=None) as ws:
                await ws.send(json.dumps({"type": "hello", "survey": SURVEY}))
                ask = await next_ask(ws, stats)
                if ready is not None:
                    ready.set_result(True) if not ready.done() else None
                    ready = None
                seen = {}
                while ask is not None and not stats.stopping:
                    pause = think() if think else 0
                    if pause:
                        await asyncio.sleep(pause)
                        if stats.stopping:
                            break
                    frame = dict(answer_to(ask, seen), id=str(uuid.uuid4()), **echo_fields(ask))
                    if sum(seen.values()) > 200:
                        stats.error("no_progress")
                        break
                    t0 = time.perf_counter()
                    await ws.send(json.dumps(frame))
                    ask, done = await turn(ws, stats, frame["id"])
                    if stats.recording:
                        stats.latencies.append(time.perf_counter() - t0)
                        stats.turns += 1
                    if done:
                        if stats.recording:
                            stats.completed += 1
                        break
        except (asyncio.TimeoutError, TimeoutError):
            stats.error("timeout")
        except (websockets.ConnectionClosed, OSError) as e:
            stats.error("connection_" + type(e).__name__)
        except Exception as e:  # noqa: BLE001 - counted, so a broken client shows as errors, not as silence
            stats.error("client_" + type(e).__name__)
        if ready is not None and not ready.done():
            ready.set_result(False)
            ready = None


async def next_ask(ws, stats):
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), TURN_TIMEOUT))
        if message.get("type") == "ask":
            return message
        if message.get("type") == "error":
            stats.error(message.get("code"))
            raise websockets.ConnectionClosedError(None, None)


async def turn(ws, stats, message_id):
    """Frames of one turn up to the next ask; (None, True) once the questionnaire is submitted."""
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), TURN_TIMEOUT))
        kind = message.get("type")
        if kind == "ack" and message.get("id") == message_id:
            if stats.recording:
                stats.outcomes[message.get("outcome")] = stats.outcomes.get(message.get("outcome"), 0) + 1
            if message.get("completed"):
                return None, True
        elif kind == "ask":
            return message, False
        elif kind == "error":
            stats.error(message.get("code"))
            return None, False


async def no_database_latency(url, frames=200):
    """An unknown frame type is answered with an error before any database access."""
    async with websockets.connect(url, ping_interval=None) as ws:
        latencies = []
        for i in range(frames):
            t0 = time.perf_counter()
            await ws.send(json.dumps({"type": "nothing", "id": f"n{i}"}))
            await asyncio.wait_for(ws.recv(), TURN_TIMEOUT)
            latencies.append(time.perf_counter() - t0)
    return percentile(latencies, 50) * 1000


async def drive(url, clients, seconds, think, warmup, ramp, at_window_end=None):
    """Connects the respondents (spread over `ramp` s), waits until all have their first question or a minute
    passed, lets them answer `warmup` s unmeasured, then measures `seconds` s; calls `at_window_end` (in a thread)
    while they are all still connected. Returns (stats, window, connected, seconds from start to the end of the
    window, what `at_window_end` returned)."""
    stats = Stats()
    started = time.time()
    lag_task = asyncio.create_task(loop_lag(stats))
    readies = []
    tasks = []
    for i in range(clients):
        ready = asyncio.get_running_loop().create_future()
        readies.append(ready)
        tasks.append(asyncio.create_task(respondent(url, stats, think, ready)))
        if ramp:
            await asyncio.sleep(ramp / clients)
    await asyncio.wait(readies, timeout=60)
    connected = sum(1 for r in readies if r.done() and r.result())
    await asyncio.sleep(warmup)
    stats.recording = True
    window_start = time.time()
    cpu_start = time.process_time()
    await asyncio.sleep(seconds)
    stats.recording = False
    window = time.time() - window_start
    stats.own_cpu = time.process_time() - cpu_start
    total = time.time() - started
    measured = await asyncio.to_thread(at_window_end) if at_window_end else None
    stats.stopping = True
    await asyncio.gather(*tasks, return_exceptions=True)
    lag_task.cancel()
    return stats, window, connected, total, measured


async def loop_lag(stats, every=0.05):
    """How late this process's event loop wakes up (its own scheduling delay, which every latency it measures
    includes): the overshoot of a 50 ms sleep, while recording."""
    while not stats.stopping:
        t0 = time.perf_counter()
        await asyncio.sleep(every)
        if stats.recording:
            stats.loop_lags.append(time.perf_counter() - t0 - every)


# ---------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", required=True)
    parser.add_argument("--stored", default="100,20000")
    parser.add_argument("--clients", default="1,10,50,200")
    parser.add_argument("--connected", type=int, default=1000, help="respondents answering every 5-10 s; 0: skip")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--connected-seconds", type=float, default=40)
    parser.add_argument("--db-port", type=int, default=21610)
    parser.add_argument("--app-port", type=int, default=21611)
    parser.add_argument("--java-options", default="", help='options for the app\'s JVM, e.g. "-Xmx512m"')
    parser.add_argument("--work", default=os.path.join(REPO, ".local/bench"))
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    url = f"ws://127.0.0.1:{args.app_port}/ws/chat"

    rows = []
    print("stored | load | turns/s | p50 ms | p95 ms | p99 ms | errors | raw turn-ops/s | turns/s / raw "
          "| raw p50 ms | no-db frame ms | p50 - no-db ms | app CPU ms/turn | FerretDB CPU ms/turn | app heap MB "
          "| app heap after GC MB | app RSS MB", flush=True)
    for stored in [int(s) for s in args.stored.split(",")]:
        db = Database(args.db_port, os.path.join(args.work, f"ferretdb-{stored}")).start()
        app = None
        try:
            client = pymongo.MongoClient(db.uri())
            seconds, size = seed(client.get_default_database(), stored)
            print(f"# seeded {stored} responses of ~{size} bytes (and their invitations) in {seconds:.1f} s",
                  flush=True)
            raw_ids = [r["_id"] for r in client.get_default_database().responses.find({}, {"_id": 1}).limit(256)]
            client.close()
            app = App(args.jar, args.app_port, db.uri(), os.path.join(args.work, f"app-{stored}.log"),
                      args.java_options.split()).start()
            loads = [(int(n), None) for n in args.clients.split(",") if n]
            if args.connected:
                loads.append((args.connected, lambda: random.uniform(5, 10)))
            # A warm-up, so the JIT, the connection pool and the app's start-up work (which reads every stored
            # response once) are not measured in the first run.
            asyncio.run(drive(url, 4, 15, None, 0, 0))
            for clients, think in loads:
                no_db = asyncio.run(no_database_latency(url))
                cpu_app, cpu_db = cpu_seconds(app.pid), cpu_seconds(db.pid)
                ramp = 10 if think else 0
                stats, window, connected, total, (heap, live, rss) = asyncio.run(drive(
                    url, clients, args.connected_seconds if think else args.seconds, think, 2 if not think else 8, ramp,
                    lambda: memory(app.pid)))
                # CPU is read over the whole run (connecting and warm-up included): scale it to the window.
                used_app = (cpu_seconds(app.pid) - cpu_app) * window / total
                used_db = (cpu_seconds(db.pid) - cpu_db) * window / total
                raw, raw_p50 = raw_rate(db.uri(), min(clients, 32), 5, raw_ids)
                rate = stats.turns / window
                p50 = percentile(stats.latencies, 50) * 1000
                errors = sum(stats.errors.values())
                load = f"{clients} connected, 5-10 s think" if think else f"{clients} clients, no think"
                if think and connected < clients:
                    stats.errors["not_connected"] = clients - connected
                    errors += clients - connected
                row = (f"{stored} | {load} | {rate:.1f} | {p50:.1f} | {percentile(stats.latencies, 95) * 1000:.1f} | "
                       f"{percentile(stats.latencies, 99) * 1000:.1f} | {errors} | {raw:.1f} | "
                       f"{rate / raw if raw else float('nan'):.2f} | {raw_p50:.1f} | {no_db:.2f} | {p50 - no_db:.1f} | "
                       f"{used_app * 1000 / max(1, stats.turns):.2f} | {used_db * 1000 / max(1, stats.turns):.2f} | "
                       f"{heap:.0f} | {live:.0f} | {rss:.0f}")
                rows.append(row)
                print(row, flush=True)
                detail = {"completed": stats.completed, "outcomes": stats.outcomes, "errors": stats.errors,
                          "window_s": round(window, 1), "load_average": os.getloadavg()[0],
                          "loadgen_cpu_share": round(stats.own_cpu / window, 2),
                          "loadgen_loop_lag_ms": {"p50": round(percentile(stats.loop_lags, 50) * 1000, 1),
                                                  "p99": round(percentile(stats.loop_lags, 99) * 1000, 1),
                                                  "max": round(max(stats.loop_lags, default=0) * 1000, 1)}}
                print("#   " + json.dumps(detail), flush=True)
        finally:
            if app:
                app.stop()
            db.stop()


if __name__ == "__main__":
    main()
