#!/usr/bin/env bash
# Fuzz every target for SECONDS each (default 600), one after another; logs go to fuzz/logs/.
# Usage: fuzz/all.sh [SECONDS] [TARGET ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(whatsapp whatsapp-direct whatsapp-scan telegram meta sms imessage upload quiz archive)
fi
mkdir -p fuzz/logs
for target in "${targets[@]}"; do
  echo "== $target: ${seconds}s"
  if .venv/bin/python -m fuzz.run "$target" --seconds "$seconds" >"fuzz/logs/$target.log" 2>&1; then
    grep -E "DONE|Done" "fuzz/logs/$target.log" | tail -2
  else
    echo "!! $target found a crash: see fuzz/logs/$target.log and fuzz/crashes/"
    tail -30 "fuzz/logs/$target.log"
  fi
done
