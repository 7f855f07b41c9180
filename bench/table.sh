#!/usr/bin/env bash
# Prints the medians of a bench/run.sh results.tsv as Markdown tables.
# Usage: bench/table.sh bench/results/<time>/results.tsv
set -euo pipefail

awk -F'\t' '
  function median(list,    n, values, i, j, swap) {
    n = split(list, values, " ")
    for (i = 2; i <= n; i++) {
      for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
        swap = values[j]; values[j] = values[j - 1]; values[j - 1] = swap
      }
    }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
  }
  function single(scenario) {
    return scenario ~ /start to first answer|product list|peak /
  }
  $1 == "warmup" { next }
  {
    key = $1 SUBSEP $2 SUBSEP $3
    if (!(key in runs)) { order[++keys] = key }
    runs[key]++
    rps[key] = rps[key] " " $5
    p50[key] = p50[key] " " $6
    p99[key] = p99[key] " " $7
    errors[key] += $8
    per_request[key] = $10
  }
  END {
    print "| database | scenario | connections | requests/s | signals/s | p50 ms | p99 ms | errors | runs |"
    print "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for (k = 1; k <= keys; k++) {
      key = order[k]
      split(key, part, SUBSEP)
      if (single(part[2])) continue
      r = median(rps[key])
      median_rps[key] = r
      median_p99[key] = median(p99[key])
      signals = per_request[key] > 0 ? sprintf("%.0f", r * per_request[key]) : ""
      printf "| %s | %s | %s | %.0f | %s | %.2f | %.2f | %d | %d |\n",
        part[1], part[2], part[3], r, signals, median(p50[key]), median_p99[key], errors[key], runs[key]
    }

    print ""
    print "| database | latest as a share of liveness | connections | requests/s ratio | p99 ratio |"
    print "| --- | --- | ---: | ---: | ---: |"
    for (k = 1; k <= keys; k++) {
      key = order[k]
      split(key, part, SUBSEP)
      if (part[2] !~ /^latest/) continue
      suffix = part[2]
      sub(/^latest(\?instance_id)?/, "", suffix)
      base = part[1] SUBSEP "liveness" suffix SUBSEP part[3]
      if (!(base in median_rps) || median_rps[base] == 0 || median_p99[base] == 0) continue
      printf "| %s | %s | %s | %.0f %% | %.2f |\n", part[1], part[2], part[3],
        100 * median_rps[key] / median_rps[base], median_p99[key] / median_p99[base]
    }

    print ""
    print "| database | measure | median |"
    print "| --- | --- | ---: |"
    for (k = 1; k <= keys; k++) {
      key = order[k]
      split(key, part, SUBSEP)
      if (!single(part[2])) continue
      unit = part[2] ~ /MB/ ? "" : " ms"
      printf "| %s | %s | %.0f%s |\n", part[1], part[2], median(p50[key]), unit
    }
  }
' "$1"
