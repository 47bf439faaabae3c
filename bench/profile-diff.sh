#!/usr/bin/env bash
# Where one program spends more CPU per call than another, frame by frame: from two async-profiler
# collapsed-stacks files (one "frame;frame;... count" line per stack) sampled every millisecond of CPU,
# and the calls each served while it was sampled. In microseconds per call, for both and their difference:
# the frames whose inclusive time (the samples of the stacks a frame is in) differs most, and the leaf
# frames whose own time does.
# Usage: bench/profile-diff.sh A.collapsed CALLS_A B.collapsed CALLS_B
set -euo pipefail
awk -v ca="$2" -v cb="$4" -v fa="$1" '
  { n = $NF; side = FILENAME == fa ? "a" : "b"; calls = side == "a" ? ca : cb; us = 1000 * n / calls
    total[side] += us
    # Names that differ from one JVM to the next: the numbers of lambdas and of the copy of the epoll library.
    stack = substr($0, 1, length($0) - length($NF) - 1)
    gsub(/\$\$Lambda\$[0-9]+\.0x[0-9a-f]+/, "$$Lambda", stack); gsub(/[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]+/, "", stack)
    k = split(stack, f, ";"); delete seen
    for (i = 1; i <= k; i++) if (!(f[i] in seen)) { seen[f[i]] = 1; in_[side, f[i]] += us; frames[f[i]] = 1 }
    own[side, f[k]] += us; leaves[f[k]] = 1 }
  function top(label, values, names, count,   fr, a, b, cmd) {
    print label
    cmd = "sort -k3 -g -r | head -" count
    for (fr in names) { a = values["a", fr]; b = values["b", fr]; printf "  %7.2f %7.2f %+8.2f  %s\n", a, b, a - b, fr | cmd }
    close(cmd)
  }
  END {
    printf "CPU per call: %.1f us (A) against %.1f us (B)\n", total["a"], total["b"]
    top("frames whose inclusive time differs most (us per call: A, B, A-B):", in_, frames, 50)
    top("leaf frames whose own time differs most:", own, leaves, 30)
  }' "$1" "$3"
