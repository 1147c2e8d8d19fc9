"""Python's side of bench/cluster.ts: Ray's multiprocessing Pool and Dask's distributed executor, each
on a local cluster of 2 single-threaded worker processes, measured as ClusterPool is. Prints JSON with
one entry per engine that imports here; an engine that is missing or fails to start is left out, with
the reason under "skipped"."""
import json
import statistics
import sys
import time
import warnings

# The same tasks as the local pools' (bench/python/pools.py), so the figures compare.
from pools import burn, rate, tiny


def speedup(run_parallel, cpu_tasks, cpu_rounds):
    t0 = time.perf_counter()
    for _ in range(cpu_tasks):
        burn(cpu_rounds)
    serial = time.perf_counter() - t0
    t0 = time.perf_counter()
    run_parallel()
    return serial / (time.perf_counter() - t0)


def latency_ms(call, calls):
    times = []
    for i in range(calls):
        t0 = time.perf_counter()
        call(i)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def ray_pool(tasks, map_tasks, cpu_tasks, cpu_rounds, calls):
    import ray
    from ray.util.multiprocessing import Pool

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        pool = Pool(2)
        pool.map(tiny, range(200), 1)
        figures = {
            "applyAsync": rate(lambda: [r.get() for r in [pool.apply_async(tiny, (i,)) for i in range(tasks)]], tasks),
            "mapChunk1": rate(lambda: pool.map(tiny, range(tasks), 1), tasks),
            "mapDefault": rate(lambda: pool.map(tiny, range(map_tasks)), map_tasks),
            "applyLatencyMs": latency_ms(lambda i: pool.apply(tiny, (i,)), calls),
            "cpuSpeedup": speedup(lambda: pool.map(burn, [cpu_rounds] * cpu_tasks, 1), cpu_tasks, cpu_rounds),
        }
        pool.close()
        pool.join()
        return figures
    finally:
        ray.shutdown()


def dask_executor(tasks, map_tasks, cpu_tasks, cpu_rounds, calls):
    from dask.distributed import Client, LocalCluster

    # Processes, not threads: a CPU-bound Python task needs its own interpreter, as ClusterPool's do.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        client.gather(client.map(tiny, range(200), pure=False))
        # Dask's map has no chunksize: one task per item, as ClusterPool's chunksize 1; its batched form
        # (map over chunks) stands in for the default chunksize.
        chunk = max(1, map_tasks // 8)
        chunks = [range(i, min(i + chunk, map_tasks)) for i in range(0, map_tasks, chunk)]
        figures = {
            "applyAsync": rate(lambda: client.gather([client.submit(tiny, i, pure=False) for i in range(tasks)]), tasks),
            "mapChunk1": rate(lambda: client.gather(client.map(tiny, range(tasks), pure=False)), tasks),
            "mapDefault": rate(lambda: client.gather(client.map(lambda c: [tiny(n) for n in c], chunks, pure=False)), map_tasks),
            "applyLatencyMs": latency_ms(lambda i: client.submit(tiny, i, pure=False).result(), calls),
            "cpuSpeedup": speedup(lambda: client.gather(client.map(burn, [cpu_rounds] * cpu_tasks, pure=False)), cpu_tasks, cpu_rounds),
        }
        return figures


ENGINES = {"Ray Pool": ("ray", ray_pool), "Dask executor": ("dask.distributed", dask_executor)}

if __name__ == "__main__":
    tasks, map_tasks, cpu_tasks, cpu_rounds, calls = (int(a) for a in sys.argv[1:6])
    # Python is ~50x slower per loop round than Node: scale the CPU task so one takes about as long.
    cpu_rounds //= 50
    warnings.filterwarnings("ignore")
    results, skipped = {}, {}
    for name, (module, run) in ENGINES.items():
        try:
            __import__(module)
        except ImportError:
            skipped[name] = f"{module} is not installed for python3"
            continue
        try:
            results[name] = run(tasks, map_tasks, cpu_tasks, cpu_rounds, calls)
        except Exception as error:  # an engine that cannot start here is reported, not fatal
            skipped[name] = f"{type(error).__name__}: {error}"
    print(json.dumps({"engines": results, "skipped": skipped}))
