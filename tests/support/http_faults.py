"""A misbehaving HTTP server for the fetch tests, on 127.0.0.1 and a free port.

    python3 http_faults.py truncate DIR   serves DIR's files with their true Content-Length but
                                          only the first half of the body, then closes
    python3 http_faults.py status500 DIR  answers every request with 500
    python3 http_faults.py drip DIR       serves DIR's files with their true Content-Length, then
                                          the body one byte every 0.5 s (a server that never
                                          stops and never finishes)

Prints its port on the first line of stdout, then serves until killed. Standard library only.
"""

import http.server
import os
import socketserver
import sys
import time


def handler(mode, root):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection: a close ends the body

        def do_GET(self):
            if mode == "status500":
                self.send_error(500, "broken on purpose")
                return
            rel = self.path.split("?", 1)[0].lstrip("/")
            path = os.path.realpath(os.path.join(root, rel))
            if not path.startswith(root + os.sep) or not os.path.isfile(path):
                self.send_error(404)
                return
            with open(path, "rb") as f:
                data = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if mode == "drip":
                try:
                    for i in range(len(data)):
                        self.wfile.write(data[i : i + 1])
                        self.wfile.flush()
                        time.sleep(0.5)
                except OSError:
                    pass  # the client gave up
                return
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True

        def log_message(self, *args):
            pass

    return Handler


def main():
    mode, root = sys.argv[1], os.path.realpath(sys.argv[2])
    # Threads: a client that fetches packages in parallel is not held up by a dripping one.
    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), handler(mode, root))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
