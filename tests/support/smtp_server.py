#!/usr/bin/env python3
"""A real SMTP server for relmgr's mail tests, bound to 127.0.0.1 only.

    smtp_server.py accept DIR   aiosmtpd; each message received goes to DIR/<n>.eml, its
                                envelope recipients to DIR/<n>.rcpt
    smtp_server.py refuse       aiosmtpd; every RCPT TO is refused with 550
    smtp_server.py drop         speaks SMTP up to DATA, then closes the connection mid-message
    smtp_server.py slow220      greets with a `220-` continuation line every 0.5 s, forever: a
                                server that talks but never lets the client speak

Prints the port it listens on, then serves until its stdin closes (the test ends it).
"""
import os
import socket
import sys
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_aiosmtpd(handler):
    from aiosmtpd.controller import Controller

    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    sys.stdin.read()
    controller.stop()


class Accept:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, str(self.count))
        with open(base + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos) + "\n")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 OK: queued"


class Refuse:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.7.1 Relaying denied"


def drop_mid_data():
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    print(listener.getsockname()[1], flush=True)

    def conversation(conn):
        with conn:
            f = conn.makefile("rb")
            conn.sendall(b"220 localhost ESMTP test\r\n")
            for line in f:
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    conn.sendall(b"250-localhost\r\n250 8BITMIME\r\n")
                elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    conn.sendall(b"250 OK\r\n")
                elif verb == b"DATA":
                    conn.sendall(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    f.readline()  # the first line of the message, then the connection drops
                    conn.shutdown(socket.SHUT_RDWR)
                    return
                elif verb == b"QUIT":
                    conn.sendall(b"221 Bye\r\n")
                    return
                else:
                    conn.sendall(b"502 Command not implemented\r\n")

    def accept_loop():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=conversation, args=(conn,), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()
    sys.stdin.read()
    listener.close()


def slow_greeting():
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    print(listener.getsockname()[1], flush=True)

    def conversation(conn):
        with conn:
            try:
                while True:
                    conn.sendall(b"220-localhost ESMTP still warming up\r\n")
                    time.sleep(0.5)
            except OSError:
                return  # the client gave up

    def accept_loop():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=conversation, args=(conn,), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()
    sys.stdin.read()
    listener.close()


def main():
    mode = sys.argv[1]
    if mode == "accept":
        serve_aiosmtpd(Accept(sys.argv[2]))
    elif mode == "refuse":
        serve_aiosmtpd(Refuse())
    elif mode == "drop":
        drop_mid_data()
    elif mode == "slow220":
        slow_greeting()
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
