# shellcheck shell=bash
# Counting results from VSTest .trx files with bash, tr, grep and sed only.
# Source this file; it defines functions and the running totals below.

# shellcheck disable=SC2034  # read by the scripts that source this file
TRX_TOTAL_PASSED=0
TRX_TOTAL_FAILED=0
TRX_TOTAL_SKIPPED=0
TRX_LAST_TOTAL=0 # tests in the trx files of the last trx_tally call

# trx_attr ELEMENT_TEXT NAME -> the attribute's value (digits or text), or nothing.
trx_attr() {
  printf '%s\n' "$1" | sed -n "s/.*[[:space:]]$2=\"\([^\"]*\)\".*/\1/p" | head -n 1
}

# trx_counts FILE -> "passed failed skipped total outcome" (fails if no <Counters>).
# failed = failed + error + timeout + aborted;
# skipped = total - executed (where VSTest counts skipped tests), or notExecuted if larger.
trx_counts() {
  local flat counters summary n
  local -A v=()
  flat=$(tr -d '\r' <"$1" | tr '\n' ' ') || return 1
  counters=$(printf '%s' "$flat" | grep -o '<Counters[^>]*>' | head -n 1) || true
  [[ -n $counters ]] || return 1
  summary=$(printf '%s' "$flat" | grep -o '<ResultSummary[^>]*>' | head -n 1) || true
  local skipped
  for n in total executed passed failed error timeout aborted notExecuted; do
    v[$n]=$(trx_attr "$counters" "$n")
    [[ ${v[$n]} =~ ^[0-9]+$ ]] || v[$n]=0
  done
  skipped=$((v[total] - v[executed]))
  ((skipped >= 0 && skipped >= v[notExecuted])) || skipped=${v[notExecuted]}
  printf '%s %s %s %s %s\n' "${v[passed]}" \
    "$((v[failed] + v[error] + v[timeout] + v[aborted]))" \
    "$skipped" "${v[total]}" "$(trx_attr "$summary" outcome)"
}

# trx_tally LABEL EXIT_CODE TRX_FILE...
# Adds one run's results to the totals and prints "LABEL: N passed, N failed, N skipped".
# A run that left no readable trx counts as 1 failed; so does a run whose
# `dotnet test` exited non-zero while its trx shows no failed test (aborted run).
trx_tally() {
  local label=$1 rc=$2 f line p=0 fl=0 sk=0 found=0 tot=0
  local cp cf cs ct co
  shift 2
  for f in "$@"; do
    [[ -f $f ]] || continue
    found=$((found + 1))
    if line=$(trx_counts "$f"); then
      read -r cp cf cs ct co <<<"$line"
      p=$((p + cp)); fl=$((fl + cf)); sk=$((sk + cs)); tot=$((tot + ct))
      if [[ $co == Aborted || $co == Error ]] && ((cf == 0)); then
        echo "$label: $f: run outcome '$co'"
        fl=$((fl + 1))
      fi
    else
      echo "$label: $f has no <Counters> element: counted as 1 failed"
      fl=$((fl + 1))
    fi
  done
  if ((found == 0)); then
    echo "$label: no trx file was written (dotnet test exit code $rc): counted as 1 failed"
    fl=$((fl + 1))
  elif ((rc != 0 && fl == 0)); then
    echo "$label: dotnet test exited with $rc but no test failed (crash or aborted run?): counted as 1 failed"
    fl=$((fl + 1))
  fi
  TRX_LAST_TOTAL=$tot
  TRX_TOTAL_PASSED=$((TRX_TOTAL_PASSED + p))
  TRX_TOTAL_FAILED=$((TRX_TOTAL_FAILED + fl))
  TRX_TOTAL_SKIPPED=$((TRX_TOTAL_SKIPPED + sk))
  echo "$label: $p passed, $fl failed, $sk skipped"
}
