"""Single-client cost of the turn's database operations on one FerretDB, at several collection sizes.

Usage: python scripts/bench/database_ops.py PORT [SIZES]   (SIZES default 100,5000,20000)
Prints the explain plan of a find by _id and of a find by {_id, version}, then the median time of find by
_id, replaceOne by _id and replaceOne by {_id, version} (the app's $and form) over documents of about 5 KB.
"""
import json
import statistics
import sys
import time

import pymongo

port = int(sys.argv[1])
sizes = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "100,5000,20000").split(",")]
db = pymongo.MongoClient(f"mongodb://127.0.0.1:{port}/", directConnection=True)["dbops"]
pad = "Lorem ipsum dolor sit amet. " * 175  # about 4.9 KB


def key(i):
    return "r_%024x" % i


def median_ms(operation, count=60):
    times = []
    for i in range(count):
        t0 = time.perf_counter()
        operation(i)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


for size in sizes:
    db.responses.drop()
    for first in range(0, size, 1000):
        db.responses.insert_many([{"_id": key(i), "version": 1, "survey": "s", "answers": {"text": pad}}
                                  for i in range(first, min(size, first + 1000))])
    probe = key(size // 2)
    for name, flt in (("find {_id}", {"_id": probe}), ("find {$and: [{_id}, {version}]}", {"$and": [{"_id": probe}, {"version": 1}]})):
        explained = db.command({"explain": {"find": "responses", "filter": flt}})
        print(f"{size} docs, {name}: filterPushdown={explained.get('filterPushdown')} plan={explained['queryPlanner']['Plan']}")
    step = max(1, size // 60)
    find = median_ms(lambda i: db.responses.find_one({"_id": key(i * step % size)}))
    replace = median_ms(lambda i: db.responses.replace_one({"_id": key(i * step % size)},
                                                           {"version": 1, "survey": "s", "answers": {"text": pad}}))
    guarded = median_ms(lambda i: db.responses.replace_one({"$and": [{"_id": key(i * step % size)}, {"version": 1}]},
                                                           {"version": 1, "survey": "s", "answers": {"text": pad}}))
    print(f"{size} docs: find by _id {find:.2f} ms | replace by _id {replace:.2f} ms | replace by {{_id, version}} {guarded:.2f} ms",
          flush=True)
