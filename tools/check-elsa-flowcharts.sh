#!/usr/bin/env bash
# Runs `justculture workflow check --run` on Elsa's own flowchart JSON and prints a tally: how many load and
# run, how many are refused and why, and which are left out on purpose (HTTP activities, sub-workflows).
#
#   tools/check-elsa-flowcharts.sh ELSA_CORE [ELSA_SAMPLES]
#
# ELSA_CORE is an elsa-core checkout: a work tree, or a bare git directory (its HEAD is unpacked into a
# temporary folder). ELSA_SAMPLES, if given, is an elsa-samples work tree; every flowchart JSON under it is
# checked too. The CLI is $JUSTCULTURE if set, else the one built by `dotnet build src/JustCulture.Cli`.
# Nothing from Elsa is copied into this repository.
set -euo pipefail

usage() { echo "usage: $0 ELSA_CORE [ELSA_SAMPLES]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="${JUSTCULTURE:-$repo_root/src/JustCulture.Cli/bin/Debug/net10.0/justculture}"
if [[ ! -x "$cli" ]]; then
  echo "no CLI at $cli: run 'dotnet build src/JustCulture.Cli' first, or set JUSTCULTURE" >&2
  exit 2
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# A work tree is used as it is; a bare git directory has its HEAD unpacked, only the paths checked (a mirror
# may lack its largest files).
tree_of() {
  local dir="$1" name="$2"; shift 2
  if [[ -d "$dir/test" || -d "$dir/src" ]]; then
    (cd "$dir" && pwd)
  elif git --git-dir="$dir" rev-parse --verify -q HEAD >/dev/null 2>&1; then
    local path
    while IFS= read -r path; do
      mkdir -p "$scratch/$name/$(dirname "$path")"
      git --git-dir="$dir" cat-file blob "HEAD:$path" >"$scratch/$name/$path"
    done < <(git --git-dir="$dir" ls-tree -r --name-only HEAD -- "$@" | grep '\.json$')
    echo "$scratch/$name"
  else
    echo "$dir is neither a work tree nor a git directory" >&2
    exit 2
  fi
}

describe() {
  local dir="$1"
  if [[ -d "$dir/.git" || -f "$dir/.git" ]]; then
    git -C "$dir" rev-parse --short HEAD 2>/dev/null || echo "unknown commit"
  elif git --git-dir="$dir" rev-parse --verify -q HEAD >/dev/null 2>&1; then
    git --git-dir="$dir" rev-parse --short HEAD
  else
    echo "unknown commit"
  fi
}

core="$(tree_of "$1" elsa-core test/integration/Elsa.Workflows.IntegrationTests/Scenarios test/component)"
roots=()
for sub in test/integration/Elsa.Workflows.IntegrationTests/Scenarios test/component; do
  [[ -d "$core/$sub" ]] && roots+=("$core/$sub")
done
[[ ${#roots[@]} -gt 0 ]] || { echo "$1: no test/integration/Elsa.Workflows.IntegrationTests/Scenarios or test/component" >&2; exit 2; }
sources="elsa-core $(describe "$1")"
if [[ $# -eq 2 ]]; then
  samples="$(tree_of "$2" elsa-samples .)"
  roots+=("$samples")
  sources+=", elsa-samples $(describe "$2")"
fi

# Only definitions whose root is a flowchart; other JSON (test settings, payloads) is counted and skipped.
mapfile -t all_json < <(find "${roots[@]}" -name '*.json' -type f | sort)
flowcharts=()
for f in "${all_json[@]}"; do
  grep -q '"Elsa.Flowchart"' "$f" && flowcharts+=("$f")
done

relative() {
  local f="$1"
  if [[ -n "${samples:-}" && "$f" == "$samples"/* ]]; then echo "elsa-samples/${f#"$samples"/}"; else echo "elsa-core/${f#"$core"/}"; fi
}

ran=() ; http=() ; sub=() ; refused=()
declare -A reasons=()
for f in "${flowcharts[@]}"; do
  line="$("$cli" workflow check "$f" --run 2>&1 | tail -n 1)" && status=0 || status=$?
  name="$(relative "$f")"
  if [[ $status -eq 0 ]]; then
    ran+=("$name")
    continue
  fi

  # The first problem, without the file name and activity id, is the reason.
  reason="${line#*: refused: }"
  [[ "$reason" == "$line" ]] && reason="run ${line#*; run: }"
  reason="${reason%% | *}"
  reason="$(sed -E "s/^[^ ]*: //; s/^activity '[^']*': //" <<<"$reason")"
  if [[ "$reason" == *"HTTP activities are not supported"* ]]; then
    http+=("$name")
  elif [[ "$reason" == *"sub-workflows are not supported"* ]] || grep -q '"workflowDefinitionId"' "$f"; then
    sub+=("$name")
  else
    refused+=("$name")
    reasons["$reason"]+="    $name"$'\n'
  fi
done

echo "checked: $sources"
echo "flowchart files: ${#flowcharts[@]} (other JSON skipped: $(( ${#all_json[@]} - ${#flowcharts[@]} )))"
echo "loaded and ran: ${#ran[@]}"
printf '  %s\n' "${ran[@]}"
echo "excluded, HTTP activities: ${#http[@]}"
[[ ${#http[@]} -gt 0 ]] && printf '  %s\n' "${http[@]}"
echo "excluded, sub-workflows or workflows used as activities: ${#sub[@]}"
[[ ${#sub[@]} -gt 0 ]] && printf '  %s\n' "${sub[@]}"
echo "refused for another reason: ${#refused[@]}"
for reason in "${!reasons[@]}"; do
  echo "  $reason"
  printf '%s' "${reasons[$reason]}"
done
