"""How quickly the server gives freed memory back to the system.

Polars allocates with a jemalloc of its own, which by default keeps freed pages for some seconds to
reuse them. Reading a large chat export is a run of whole-column steps on several threads, and
pages one step freed in one thread's arena are not reused by the next step in another's: a
1.5-million-message upload peaked some 40 to 80 MB above the memory it held at once
(BENCHMARKS.md, "Peak memory of uploads and exports"). The server has them returned at once.

jemalloc reads its options when Polars is first imported, so this runs before that (this module
imports nothing heavy); an operator's own `_RJEM_MALLOC_CONF` is left as it is.
"""

from __future__ import annotations

import os

JEMALLOC_OPTIONS = "_RJEM_MALLOC_CONF"  # the variable Polars' jemalloc reads its options from
RETURN_AT_ONCE = "dirty_decay_ms:0,muzzy_decay_ms:0"


def return_freed_memory_at_once() -> None:
    """Have Polars' allocator return freed pages at once, in this process and the workers it
    starts (they inherit the environment). An operator's own options are kept; in a process
    that imported Polars already, only the workers started after this get it."""
    os.environ.setdefault(JEMALLOC_OPTIONS, RETURN_AT_ONCE)
