"""A small SMTP server for the mail client's tests, on the standard library only.

It listens on 127.0.0.1 on a free port, prints that port on the first line of standard output, and
appends one JSON object a line to the file given with --record for each message it accepts: the
EHLO or HELO name, the AUTH PLAIN credentials, the envelope, the data as received (dot-stuffing
undone), and the subject, sender and body as Python's email package decodes them. A record is
written before the 250 that accepts the message, so a client that got its 250 can read it.

Options make it misbehave: --refuse-rcpt answers 550 to RCPT TO, --refuse-ehlo answers 502 to EHLO,
--silent never answers, --greeting-lines and --greeting-width stretch the greeting. It exits when its
standard input closes, so a test process that dies does not leave it behind, and on SIGTERM.
"""

import argparse
import asyncio
import base64
import json
import os
import signal
import sys
import threading
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesParser


def parse_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--record", required=True)
    parser.add_argument("--refuse-rcpt", action="store_true")
    parser.add_argument("--refuse-ehlo", action="store_true")
    parser.add_argument("--silent", action="store_true")
    parser.add_argument("--greeting-lines", type=int, default=1)
    parser.add_argument("--greeting-width", type=int, default=0)
    return parser.parse_args()


def decoded(data):
    message = BytesParser(policy=policy.default).parsebytes(data)
    return {
        "subject": str(make_header(decode_header(message["Subject"]))),
        "from_name": message["From"].addresses[0].display_name,
        "to_name": message["To"].addresses[0].display_name,
        "body": message.get_content().replace("\r\n", "\n"),
    }


async def session(options, reader, writer):
    async def reply(*lines):
        writer.write(b"".join(line.encode() + b"\r\n" for line in lines))
        await writer.drain()

    if options.silent:
        await reader.read()
        writer.close()
        return
    filler = "x" * options.greeting_width
    await reply(*[f"220-sink {filler}" for _ in range(options.greeting_lines - 1)], f"220 sink {filler}")
    record = {"rcpt_to": []}
    while line := await reader.readline():
        command = line.decode().rstrip("\r\n")
        verb, _, argument = command.partition(" ")
        verb = verb.upper()
        if verb == "EHLO" and options.refuse_ehlo:
            await reply("502 EHLO not implemented")
        elif verb in ("EHLO", "HELO"):
            record["helo"] = [verb, argument]
            await reply("250-sink greets you", "250-AUTH PLAIN", "250 8BITMIME")
        elif verb == "AUTH":
            _, credentials = argument.split(" ", 1)
            record["auth"] = base64.b64decode(credentials).decode().split("\0")
            await reply("235 2.7.0 Authentication successful")
        elif command.upper().startswith("MAIL FROM:"):
            record["mail_from"] = command[len("MAIL FROM:"):]
            await reply("250 OK")
        elif command.upper().startswith("RCPT TO:"):
            if options.refuse_rcpt:
                await reply("550 no such user")
            else:
                record["rcpt_to"].append(command[len("RCPT TO:"):])
                await reply("250 OK")
        elif verb == "DATA":
            await reply("354 End data with <CR><LF>.<CR><LF>")
            lines = []
            while (data_line := await reader.readline()) not in (b".\r\n", b""):
                lines.append(data_line[1:] if data_line.startswith(b".") else data_line)
            data = b"".join(lines)
            record["data"] = data.decode()
            record.update(decoded(data))
            with open(options.record, "a") as file:
                file.write(json.dumps(record) + "\n")
            record = {"rcpt_to": []}
            await reply("250 OK queued")
        elif verb == "QUIT":
            await reply("221 Bye")
            break
        else:
            await reply("500 unknown command")
    writer.close()


async def main(options):
    server = await asyncio.start_server(lambda r, w: session(options, r, w), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


if __name__ == "__main__":
    # A child of a Swift test inherits the signal mask of the thread that started it, which blocks
    # SIGTERM; unblocked, the test can stop the sink.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    arguments = parse_arguments()
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    asyncio.run(main(arguments))
