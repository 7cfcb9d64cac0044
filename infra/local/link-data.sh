#!/usr/bin/env bash
# Makes data/real and data/imagenet point at the reference data. Never copies it into the repository:
# links ../shared/data when it is there, else says where to get the files.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared/data"
# REAL_DATA names the data root explicitly (tests and the CLI read it first): nothing to link then.
if [[ -n "${REAL_DATA:-}" ]]; then
  [[ -d "$REAL_DATA/real" && -d "$REAL_DATA/imagenet" ]] && exit 0
  echo "REAL_DATA=$REAL_DATA must hold real/ and imagenet/." >&2
  exit 1
fi
mkdir -p "$root/data"
for d in real imagenet; do
  if [[ -e "$root/data/$d" ]]; then continue; fi
  if [[ -d "$shared/$d" ]]; then
    ln -s "$shared/$d" "$root/data/$d"
    echo "data/$d -> $shared/$d"
  else
    echo "data/$d is missing and $shared/$d does not exist." >&2
    echo "Get the ReaL raw votes (raters.npz, golden.npz, raters_golden.npz) from the google-research/reassessed-imagenet" >&2
    echo "repository and the ImageNet metadata described in docs/data.md, then put them in data/$d or set REAL_DATA." >&2
    exit 1
  fi
done
