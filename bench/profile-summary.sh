#!/usr/bin/env bash
# Summarizes an async-profiler collapsed-stacks file (one "frame;frame;... count" line per stack):
# the share of CPU samples by the work a stack serves (the first rule, in the order below, whose
# pattern the stack contains: a socket write for the quota script counts as the quota's) and the 25
# hottest leaf frames. Given the calls served while it was sampled (every millisecond of CPU), also each
# share in microseconds of CPU per call.
# Usage: bench/profile-summary.sh FILE.collapsed [CALLS]
set -euo pipefail
file=$1
awk -v calls="${2:-0}" '
  { n = $NF; total += n; stack = substr($0, 1, length($0) - length($NF) - 1)
    k = split(stack, f, ";"); leaf[f[k]] += n
    bucket = "other JVM and framework"
    if (stack ~ /jose4j|JsonWebSignature|VerifiedTokens|signature/) bucket = "token verification"
    else if (stack ~ /io\/vertx\/redis|RedisConnection|QuotaCounter|CountingConnection/) bucket = "quota (Redis client)"
    else if (stack ~ /httpproxy|ServiceProxy|Forwarding/) bucket = "proxy to the service"
    else if (stack ~ /oidc|OidcAuthenticationMechanism|HttpAuthenticator|SecurityIdentity/) bucket = "OIDC mechanism"
    else if (stack ~ /Caffeine|AccessContextResolver/) bucket = "access context cache"
    else if (stack ~ /GatewayRoutes|RouteTable|BurstLimit/) bucket = "gateway pipeline"
    else if (stack ~ /micrometer|Micrometer|opentelemetry/) bucket = "metrics and tracing"
    else if (stack ~ /_\[k\]|^\[?(sys_|entry_|do_syscall)/) bucket = "kernel (sockets)"
    else if (stack ~ /GC|G1|gc_/) bucket = "garbage collection"
    else if (stack ~ /C2Compiler|C1Compiler|CompileBroker/) bucket = "JIT compiler"
    buckets[bucket] += n }
  END {
    if (calls > 0) printf "%d samples, %.1f us of CPU per call\n", total, 1000 * total / calls
    else printf "%d samples\n", total
    for (b in buckets) {
      if (calls > 0) printf "  %5.1f %%  %6.2f us  %s\n", 100 * buckets[b] / total, 1000 * buckets[b] / calls, b | "sort -rn"
      else printf "  %5.1f %%  %s\n", 100 * buckets[b] / total, b | "sort -rn"
    }
    close("sort -rn")
    print "hottest leaf frames:"
    for (l in leaf) printf "  %5.1f %%  %s\n", 100 * leaf[l] / total, l | "sort -rn | head -25"
  }' "$file"
