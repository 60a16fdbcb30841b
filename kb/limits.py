"""How much a case file may hold before it is refused, and where those bounds come from.

A case file may come from a script or from someone hostile; each bound keeps one way of
exhausting time or memory from getting far. Two of them are the user's to raise: the size of
the file and the number of requests (options ``--max-file-bytes`` and ``--max-requests`` of the
``kb`` command, or the environment variables below). The others are fixed: no real case file
comes near them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from kb.errors import InputError

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Default: files larger than this are refused."""

MAX_REQUESTS = 5000
"""Default: how many requests the discovery sets of one case file may number, in all.

Deciding costs about a millisecond per request, so the default keeps a run to seconds; real
motions put a few hundred requests in issue at most.
"""

MAX_ALIAS_NODES = 10_000
"""How many nodes YAML alias references may expand to, in total (a "billion laughs" guard)."""

MAX_DEPTH = 64
"""How deeply lists and mappings may nest; a case file needs fewer than ten levels."""

MAX_TEXT_CHARS = 10_000
"""The longest text a single value or key may hold (a record cite, a title, an id)."""

MAX_NUMBER_DIGITS = 9
"""The most digits a request number (or one part of a dotted number) may have."""

ENV_MAX_FILE_BYTES = "DISCOVERY_KB_MAX_FILE_BYTES"
ENV_MAX_REQUESTS = "DISCOVERY_KB_MAX_REQUESTS"


@dataclass(frozen=True)
class Limits:
    """The user-adjustable bounds on one case file."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_requests: int = MAX_REQUESTS

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        max_file_bytes: int | None = None,
        max_requests: int | None = None,
    ) -> Limits:
        """The defaults, overridden by ``DISCOVERY_KB_MAX_FILE_BYTES`` and
        ``DISCOVERY_KB_MAX_REQUESTS`` when they are set, and by the bounds given here (from
        command-line options), which take precedence over the environment.

        A variable that is set but is not a positive whole number is an :class:`InputError`.
        """
        env = os.environ if environ is None else environ
        return cls(
            max_file_bytes=max_file_bytes
            if max_file_bytes is not None
            else _positive(env, ENV_MAX_FILE_BYTES, MAX_FILE_BYTES),
            max_requests=max_requests
            if max_requests is not None
            else _positive(env, ENV_MAX_REQUESTS, MAX_REQUESTS),
        )


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    text = env.get(name)
    if text is None or not text.strip():
        return default
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if value < 1:
        raise InputError(name, "", f"must be a positive whole number, not {text!r}")
    return value
