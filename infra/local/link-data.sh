#!/usr/bin/env bash
# Makes data/real and data/imagenet point at the reference data. Never copies it into the repository:
# links ../shared/data when it is there, else (a clone of a local checkout, e.g. `git clone . /tmp/x`) the data that
# checkout uses, else says where to get the files.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared/data"
origin="$(git -C "$root" config --get remote.origin.url 2>/dev/null || true)"
origin="${origin#file://}"
# REAL_DATA names the data root explicitly (tests and the CLI read it first): nothing to link then.
if [[ -n "${REAL_DATA:-}" ]]; then
  [[ -d "$REAL_DATA/real" && -d "$REAL_DATA/imagenet" ]] && exit 0
  echo "REAL_DATA=$REAL_DATA must hold real/ and imagenet/." >&2
  exit 1
fi
mkdir -p "$root/data"
for d in real imagenet; do
  if [[ -e "$root/data/$d" ]]; then continue; fi
  source_dir=""
  if [[ -d "$shared/$d" ]]; then
    source_dir="$shared/$d"
  elif [[ -n "$origin" && -d "$origin" ]]; then
    # The checkout this one was cloned from: its own data/ link, else its ../shared/data.
    for candidate in "$origin/data/$d" "$(cd "$origin/.." && pwd)/shared/data/$d"; do
      if [[ -d "$candidate" ]]; then source_dir="$(cd "$candidate" && pwd -P)"; break; fi
    done
  fi
  if [[ -n "$source_dir" ]]; then
    ln -s "$source_dir" "$root/data/$d"
    echo "data/$d -> $source_dir"
  else
    echo "data/$d is missing and $shared/$d does not exist." >&2
    echo "Get the ReaL raw votes (raters.npz, golden.npz, raters_golden.npz) from the google-research/reassessed-imagenet" >&2
    echo "repository and the ImageNet metadata (synsets.txt, class_names.txt, val_labels.txt, hierarchy.tsv; their sources are in" >&2
    echo "shared/data/imagenet/SOURCES.md next to a checkout that has them), then put them in data/$d or set REAL_DATA." >&2
    exit 1
  fi
done
