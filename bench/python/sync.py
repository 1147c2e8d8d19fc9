"""Python's side of bench/sync.ts: shared memory, locks and managers with multiprocessing. Prints JSON."""
import json
import multiprocessing as mp
import sys
import time


def array_pairs(arr, n):
    t0 = time.perf_counter()
    for i in range(n):
        arr[i & 1023] = i
        arr[i & 1023]
    return n / (time.perf_counter() - t0)


def locked_increments(v, n):
    t0 = time.perf_counter()
    for _ in range(n):
        with v.get_lock():
            v.value += 1
    return n / (time.perf_counter() - t0)


def lock_pairs(lock, n):
    t0 = time.perf_counter()
    for _ in range(n):
        lock.acquire()
        lock.release()
    return n / (time.perf_counter() - t0)


def lock_with(lock, n):
    t0 = time.perf_counter()
    for _ in range(n):
        with lock:
            pass
    return n / (time.perf_counter() - t0)


def contend(lock, counter, n, start):
    start.wait()
    for _ in range(n):
        with lock:
            counter.value += 1


def contended(n):
    lock, counter, start = mp.Lock(), mp.RawValue('i', 0), mp.Event()
    children = [mp.Process(target=contend, args=(lock, counter, n, start)) for _ in range(2)]
    for c in children:
        c.start()
    time.sleep(0.3)
    t0 = time.perf_counter()
    start.set()
    for c in children:
        c.join()
    elapsed = time.perf_counter() - t0
    return {'rate': 2 * n / elapsed, 'exact': counter.value == 2 * n}


def manager_figures(n):
    t0 = time.perf_counter()
    manager = mp.Manager()
    start_ms = (time.perf_counter() - t0) * 1000
    d = manager.dict()
    t0 = time.perf_counter()
    for i in range(n):
        d['k'] = i
    rate = n / (time.perf_counter() - t0)
    manager.shutdown()
    return start_ms, rate


if __name__ == '__main__':
    n = int(sys.argv[1])
    mp.set_start_method('spawn')
    start_ms, dict_rate = manager_figures(n // 100)
    print(json.dumps({
        'arrayLocked': array_pairs(mp.Array('i', 1024), n),
        'arrayRaw': array_pairs(mp.RawArray('i', 1024), n),
        'arrayTyped': array_pairs(mp.RawArray('i', 1024), n),
        'valueLockedIncrements': locked_increments(mp.Value('i', 0), n),
        'lockUncontended': lock_pairs(mp.Lock(), n),
        'lockWith': lock_with(mp.Lock(), n),
        'contended': contended(n // 4),
        'managerStartMs': start_ms,
        'managerDictOps': dict_rate,
    }))
