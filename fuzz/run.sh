#!/usr/bin/env bash
# Fuzz every podnotes reader for a bounded time: fuzz/run.sh [SECONDS]  (default 60).
#
# Starts from our seed corpus (fuzz/corpus, never written to: new inputs go to a temporary
# directory), with a dictionary of format tokens.  A crash, an undocumented exception or
# an input slower than 10 s stops the run with a non-zero status; libFuzzer then prints
# the input and writes it under $PODNOTES_FUZZ_ARTIFACTS (default: the temporary directory,
# whose path is printed).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
work="$(mktemp -d)"
artifacts="${PODNOTES_FUZZ_ARTIFACTS:-$work}"
mkdir -p "$artifacts"
echo "fuzzing for ${seconds}s; new inputs in $work, findings in $artifacts"

uv run python fuzz/fuzz_podnotes.py "$work" fuzz/corpus \
  -dict=fuzz/podnotes.dict \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -max_len=8192 \
  -artifact_prefix="$artifacts/" \
  -print_final_stats=1
