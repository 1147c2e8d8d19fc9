"""Python's side of bench/pools.ts: Pool and ProcessPoolExecutor with two workers. Prints JSON."""
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


def tiny(n):
    return n + 1


def burn(rounds):
    x = 0
    for i in range(rounds):
        x = (x + i * i) % 1_000_003
    return x


def rate(run, tasks):
    t0 = time.perf_counter()
    run()
    return tasks / (time.perf_counter() - t0)


if __name__ == "__main__":
    tasks, cpu_tasks, cpu_rounds = (int(a) for a in sys.argv[1:4])
    # Python is ~50x slower per loop round: scale its CPU task so one takes about as long.
    cpu_rounds //= 50
    with Pool(2) as pool:
        pool.map(tiny, range(100))
        apply_async = rate(lambda: [r.get() for r in [pool.apply_async(tiny, (i,)) for i in range(tasks)]], tasks)
        map_chunk1 = rate(lambda: pool.map(tiny, range(tasks), 1), tasks)
        map_default = rate(lambda: pool.map(tiny, range(tasks * 50)), tasks * 50)
        t0 = time.perf_counter()
        for _ in range(cpu_tasks):
            burn(cpu_rounds)
        serial = time.perf_counter() - t0
        t0 = time.perf_counter()
        pool.map(burn, [cpu_rounds] * cpu_tasks, 1)
        speedup = serial / (time.perf_counter() - t0)
    with ProcessPoolExecutor(2) as executor:
        list(executor.map(tiny, range(100)))
        submit = rate(lambda: [f.result() for f in [executor.submit(tiny, i) for i in range(tasks)]], tasks)
    print(json.dumps({"applyAsync": apply_async, "mapChunk1": map_chunk1, "mapDefault": map_default, "submit": submit, "cpuSpeedup": speedup}))
