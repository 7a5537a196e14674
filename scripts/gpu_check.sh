#!/usr/bin/env bash
# One command that proves the CUDA path (issue 16 §3); see core/pipeline/gpu_check.py.
#   scripts/gpu_check.sh [--pack pack] [--out runs/gpu_check] [--device auto|cuda|cpu] [--limit N] ...
# Packs the data first when no pack exists (scripts/pack_data.py), then runs the check.
# Without CUDA it prints the reason and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
if [[ " $* " != *" --pack "* && " $* " != *" --data-dir "* ]]; then
  [[ -f pack/manifest.json ]] || PYTHONPATH=$PWD "$PY" scripts/pack_data.py pack --out pack
  set -- --pack pack "$@"
fi
PYTHONPATH=$PWD exec "$PY" -m core.pipeline.gpu_check "$@"
