"""Python's multiprocessing start-up, measured as bench/startup.ts measures proclab: start() until the
child's first message on a Unix socket, and start() + join(). Prints JSON."""
import json
import multiprocessing as mp
import os
import socket
import sys
import tempfile
import time


def ping(path):
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    s.sendall(b"x")
    s.close()


def measure(ctx, runs, path, server):
    first, joined = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = ctx.Process(target=ping, args=(path,))
        p.start()
        conn, _ = server.accept()
        conn.recv(1)
        t1 = time.perf_counter()
        p.join()
        t2 = time.perf_counter()
        conn.close()
        first.append((t1 - t0) * 1000)
        joined.append((t2 - t0) * 1000)
    return {"first": first[2:], "join": joined[2:]}  # the first two runs warm up


if __name__ == "__main__":
    runs = int(sys.argv[1]) + 2
    path = os.path.join(tempfile.mkdtemp(), "s")
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.listen(8)
    results = {"version": sys.version.split()[0]}
    for method in ("spawn", "fork"):
        results[method] = measure(mp.get_context(method), runs, path, server)
    print(json.dumps(results))
