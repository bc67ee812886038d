"""Writes a hostile vote thread for the `vote import` benchmark: many tiny messages, each from
its own sender, each a one-line vote, all dated 2024-02-05 10:00 UTC.

    python3 gen_mbox.py MESSAGES OUT.mbox      exactly MESSAGES messages
    python3 gen_mbox.py --mib N OUT.mbox       as many as fit in N MiB

With RELMGR_BENCH_BODY=review each body is a vote the rules cannot settle (`+1 if ...`), so
that every message needs review (#29): the worst case of the review list.

Standard library only; nothing it writes is committed.
"""

import os
import sys


BODY = (
    "+1 if the NOTICE is fixed, otherwise -1\n"
    if os.environ.get("RELMGR_BENCH_BODY") == "review"
    else "+1\n"
)


def message(i):
    a = f"u{i}@example.org"
    return (
        f"From {a} Mon Feb  5 10:00:00 2024\nFrom: {a}\n"
        f"Date: 5 Feb 2024 10:00:00 +0000\n\n{BODY}\n"
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
