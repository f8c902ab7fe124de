"""A TCP proxy in front of PostgreSQL that counts what the service sends: statements executed
(Execute, or simple Query) and round trips (Sync, or simple Query), and prints the SQL of each
Parse. Usage: python3 pgcount.py LISTEN_PORT PG_PORT; SIGUSR1 prints and resets the counts."""
import signal, socket, struct, sys, threading

counts = {"execute": 0, "sync": 0, "query": 0}
sql = []
lock = threading.Lock()

def report(*_):
    with lock:
        print(f"executes {counts['execute']} syncs {counts['sync']} simple-queries {counts['query']}", flush=True)
        for s in sql:
            print("  parse:", s[:150].replace("\n", " "), flush=True)
        for k in counts:
            counts[k] = 0
        sql.clear()

def pump(src, dst, frontend):
    buf = b""
    started = not frontend
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
            if not frontend:
                continue
            buf += data
            while True:
                if not started:
                    if len(buf) < 4:
                        break
                    n = struct.unpack("!I", buf[:4])[0]
                    if len(buf) < n:
                        break
                    code = struct.unpack("!I", buf[4:8])[0]
                    buf = buf[n:]
                    if code != 80877103:  # not an SSLRequest: the startup message
                        started = True
                    continue
                if len(buf) < 5:
                    break
                t = buf[0:1]
                n = struct.unpack("!I", buf[1:5])[0]
                if len(buf) < n + 1:
                    break
                body = buf[5:n + 1]
                buf = buf[n + 1:]
                with lock:
                    if t == b"E":
                        counts["execute"] += 1
                    elif t == b"S":
                        counts["sync"] += 1
                    elif t == b"Q":
                        counts["query"] += 1
                        sql.append("Q " + body.split(b"\0")[0].decode(errors="replace"))
                    elif t == b"P":
                        name, rest = body.split(b"\0", 1)
                        sql.append(rest.split(b"\0")[0].decode(errors="replace"))
    except OSError:
        pass
    finally:
        try:
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass

def main():
    listen, pg = int(sys.argv[1]), int(sys.argv[2])
    signal.signal(signal.SIGUSR1, report)
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", listen))
    server.listen(64)
    while True:
        client, _ = server.accept()
        upstream = socket.create_connection(("127.0.0.1", pg))
        threading.Thread(target=pump, args=(client, upstream, True), daemon=True).start()
        threading.Thread(target=pump, args=(upstream, client, False), daemon=True).start()

main()
