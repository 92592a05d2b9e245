#!/usr/bin/env bash
# Recreates the field corpus (the labelled snapshots of real public
# repositories) as plain file trees, one folder per repository:
#
#   packages/bench/src/field/checkout.sh [DIR]        # default /work/field
#
# Each packages/bench/src/field/corpus/<owner>+<name>.yaml names its repository
# (`repo:`) and the commit that was labelled (`commit:`). The tree of that
# commit is written to DIR/<owner>+<name>/, taken from a local bare mirror
# when one exists (MIRRORS, default /work/.mirror/<owner>+<name>/repo) and
# otherwise cloned from https://github.com/<owner>/<name> (blob-less) and
# checked out at that commit. Files the mirror lacks (the snapshots omit
# files of 4 MiB and more) are skipped: no detector reads files that large.
# Nothing is built or run; an existing folder is left alone unless FORCE=1.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="${1:-${FIELD_DIR:-/work/field}}"
mirrors="${MIRRORS:-/work/.mirror}"
mkdir -p "$dest"

extract() { # git-dir commit target
  local git_dir="$1" commit="$2" target="$3"
  mkdir -p "$target"
  git --git-dir="$git_dir" ls-tree -r -z "$commit" |
    while IFS= read -r -d '' entry; do
      local meta="${entry%%$'\t'*}" path="${entry#*$'\t'}"
      read -r mode type object <<<"$meta"
      [ "$type" = blob ] || continue          # submodules: not part of the tree
      [ "$mode" = 120000 ] && continue        # symlinks are not followed by the detectors
      mkdir -p "$target/$(dirname "$path")"
      git --git-dir="$git_dir" cat-file blob "$object" >"$target/$path" 2>/dev/null ||
        rm -f "$target/$path"
    done
}

status=0
for label in "$here"/corpus/*.yaml; do
  repo="$(sed -n 's/^repo: *//p' "$label" | head -1)"
  commit="$(sed -n 's/^commit: *//p' "$label" | head -1)"
  folder="${repo/\//+}"
  target="$dest/$folder"
  if [ -d "$target" ] && [ "${FORCE:-0}" != 1 ]; then
    echo "have    $folder"
    continue
  fi
  rm -rf "$target"
  mirror="$mirrors/$folder/repo"
  if [ -d "$mirror" ] && git --git-dir="$mirror" cat-file -e "$commit^{commit}" 2>/dev/null; then
    extract "$mirror" "$commit" "$target"
    echo "mirror  $folder @ ${commit:0:12}"
  else
    tmp="$(mktemp -d)"
    if git clone --quiet --filter=blob:none --no-checkout "https://github.com/$repo.git" "$tmp/repo" &&
      git -C "$tmp/repo" fetch --quiet origin "$commit" 2>/dev/null || true &&
      git -C "$tmp/repo" cat-file -e "$commit^{commit}" 2>/dev/null; then
      extract "$tmp/repo/.git" "$commit" "$target"
      echo "github  $folder @ ${commit:0:12}"
    else
      echo "MISSING $folder: no mirror at $mirror and no clone of $repo at $commit" >&2
      status=1
    fi
    rm -rf "$tmp"
  fi
done
exit $status
