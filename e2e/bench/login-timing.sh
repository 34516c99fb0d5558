#!/usr/bin/env bash
# Median login latency against a running stack (deploy/local/up.sh): wrong password for existing
# accounts, unknown emails, and the right password. The first two must not be told apart by timing.
set -euo pipefail
auth=${1:-http://127.0.0.1:8081}
n=${2:-15}
accounts=()
for i in $(seq 1 "$n"); do
  email="timing-$RANDOM-$i-$(date +%s%N)@example.com"
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"a long enough password\",\"fullName\":\"T\",\"tenantName\":\"T$i\"}" "$auth/api/v1/auth/register"
  accounts+=("$email")
done
time_login() { curl -s -o /dev/null -w '%{time_total}\n' -X POST -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$auth/api/v1/auth/login"; }
wrong=(); unknown=(); right=()
for i in $(seq 0 $((n - 1))); do
  wrong+=("$(time_login "${accounts[$i]}" 'not the password!!')")
  unknown+=("$(time_login "nobody-$i-$RANDOM@example.com" 'not the password!!')")
  right+=("$(time_login "${accounts[$i]}" 'a long enough password')")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "wrong password: median $(median "${wrong[@]}") s"
echo "unknown email:  median $(median "${unknown[@]}") s"
echo "right password: median $(median "${right[@]}") s"
