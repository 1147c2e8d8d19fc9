"""Python's side of bench/messaging.ts: the same measurements with multiprocessing. Prints JSON."""
import json
import multiprocessing as mp
import sys
import time


def produce(q, count, ending=True):
    for i in range(count):
        q.put(i)
    if ending:
        q.put(None)


def consume_until_none(q, spans):
    items, first, last = 0, 0.0, 0.0
    while q.get() is not None:
        last = time.time() * 1000
        if items == 0:
            first = last
        items += 1
    spans.put({"items": items, "first": first, "last": last})


def queue_many_to_many_rate(producers, consumers, count):
    q, spans = mp.Queue(), mp.Queue()
    consuming = [mp.Process(target=consume_until_none, args=(q, spans)) for _ in range(consumers)]
    producing = [mp.Process(target=produce, args=(q, count, False)) for _ in range(producers)]
    for child in consuming + producing:
        child.start()
    for child in producing:
        child.join()
    for _ in consuming:
        q.put(None)
    reported = [spans.get() for _ in consuming]
    for child in consuming:
        child.join()
    items = sum(span["items"] for span in reported)
    seconds = (max(span["last"] for span in reported) - min(span["first"] for span in reported)) / 1000
    return items / seconds


def consume(q, done):
    q.get()
    t0 = time.perf_counter()
    while q.get() is not None:
        pass
    done.put((time.perf_counter() - t0) * 1000)


def queue_to_child_rate(count):
    q, done = mp.Queue(), mp.Queue()
    child = mp.Process(target=consume, args=(q, done))
    child.start()
    produce(q, count)
    elapsed = done.get()
    child.join()
    return count / (elapsed / 1000)


def echo(conn):
    while True:
        value = conn.recv()
        if value is None:
            return
        conn.send(value)


def send_blocks(conn, count, size):
    block = bytes(size)
    for _ in range(count):
        conn.send_bytes(block)
    conn.send_bytes(b"")


def queue_rate(producers, maxsize, count):
    q = mp.Queue(maxsize)
    children = [mp.Process(target=produce, args=(q, count)) for _ in range(producers)]
    for child in children:
        child.start()
    q.get()
    t0 = time.perf_counter()
    ended, received = 0, 1
    while ended < producers:
        if q.get() is None:
            ended += 1
        else:
            received += 1
    seconds = time.perf_counter() - t0
    for child in children:
        child.join()
    return received / seconds


def pipe_round_trip(trips):
    a, b = mp.Pipe()
    child = mp.Process(target=echo, args=(b,))
    child.start()
    b.close()
    a.send(0)
    a.recv()
    t0 = time.perf_counter()
    for i in range(trips):
        a.send(i)
        a.recv()
    micros = (time.perf_counter() - t0) * 1e6 / trips
    a.send(None)
    child.join()
    return micros


def pipe_throughput(blocks, size):
    receive_end, send_end = mp.Pipe(duplex=False)
    child = mp.Process(target=send_blocks, args=(send_end, blocks, size))
    child.start()
    send_end.close()
    receive_end.recv_bytes()
    t0 = time.perf_counter()
    received = 1
    while receive_end.recv_bytes():
        received += 1
    seconds = time.perf_counter() - t0
    child.join()
    return (received - 1) * size / 2**20 / seconds


if __name__ == "__main__":
    scale = int(sys.argv[1])
    print(json.dumps({
        "queue1to1": queue_rate(1, 0, 200_000 * scale),
        "queueToChild": queue_to_child_rate(20_000 * scale),
        "queueBounded": queue_rate(1, 3, 20_000 * scale),
        "queue2to1": queue_rate(2, 0, 100_000 * scale),
        "queue4to2": queue_many_to_many_rate(4, 2, 50_000 * scale),
        "pipeRoundTripMicros": pipe_round_trip(5_000 * scale),
        "pipeMiBps": pipe_throughput(200 * scale, 2**20),
    }))
