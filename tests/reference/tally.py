"""The pass/fail count the reference scripts share: one line per failure, a closing summary."""
import sys

_counts = {"passed": 0, "failed": 0}


def check(label, ok, detail=""):
    if ok:
        _counts["passed"] += 1
    else:
        _counts["failed"] += 1
        print(f"FAIL {label} {detail}")


def finish():
    """Prints "N passed, M failed" and exits 1 on any failure."""
    print(f"{_counts['passed']} passed, {_counts['failed']} failed")
    sys.exit(1 if _counts["failed"] else 0)
