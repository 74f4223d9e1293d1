#pragma once

namespace wirescope {

// Hands the heap pages that releasing payload bytes freed back to the system. glibc keeps
// freed 1 MiB blocks for reuse once its mmap threshold has grown past them, so a cleared log
// or a closed tab would not shrink the process without it (measured: 297 MiB before, see
// tests/bench/bench_ws_budget). Nothing to do elsewhere.
void returnFreedMemory();

} // namespace wirescope
