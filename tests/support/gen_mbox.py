"""Writes a hostile vote thread for the `vote import` benchmark: many tiny messages, each from
its own sender, each a one-line vote, all dated 2024-02-05 10:00 UTC.

    python3 gen_mbox.py MESSAGES OUT.mbox      exactly MESSAGES messages
    python3 gen_mbox.py --mib N OUT.mbox       as many as fit in N MiB

With RELMGR_BENCH_BODY=review each body is a vote the rules cannot settle (`+1 if ...`), so
that every message needs review (#29): the worst case of the review list. With
RELMGR_BENCH_BODY=html each message is HTML only (a Gmail-style `+1` with a quoted call), so
that every body goes through the HTML-to-text reading.

Standard library only; nothing it writes is committed.
"""

import os
import sys


KIND = os.environ.get("RELMGR_BENCH_BODY", "")
HTML = KIND == "html"
BODY = {
    "review": "+1 if the NOTICE is fixed, otherwise -1\n",
    "html": (
        '<div dir="ltr">+1 (binding)</div><br><div class="gmail_quote">'
        '<div class="gmail_attr">On Mon, Feb 5, 2024 RM wrote:</div>'
        "<blockquote>[ ] +1 Release<br>[ ] -1 Do not release</blockquote></div>\n"
    ),
}.get(KIND, "+1\n")
TYPE = "Content-Type: text/html; charset=utf-8\n" if HTML else ""


def message(i):
    a = f"u{i}@example.org"
    return (
        f"From {a} Mon Feb  5 10:00:00 2024\nFrom: {a}\n"
        f"Date: 5 Feb 2024 10:00:00 +0000\n{TYPE}\n{BODY}\n"
    ).encode()


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "--mib":
        limit, count = int(args[1]) * 1024 * 1024, None
        out = args[2]
    elif len(args) == 2:
        limit, count = None, int(args[0])
        out = args[1]
    else:
        sys.exit(__doc__)
    size = 0
    with open(out, "wb") as f:
        i = 0
        while True:
            m = message(i)
            if count is not None and i >= count:
                break
            if limit is not None and size + len(m) > limit:
                break
            f.write(m)
            size += len(m)
            i += 1
    print(i)


if __name__ == "__main__":
    main()
