#!/usr/bin/env bash
# Runs every importer fuzz target for a while (default 60 s each), seeded with the import fixtures.
# Not part of CI. Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
#   bash fuzz/run.sh            # 60 s per target
#   SECONDS_EACH=600 bash fuzz/run.sh org_chart_csv
# A crash leaves its input in fuzz/artifacts/<target>/; replay it with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${SECONDS_EACH:-60}
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(org_chart_csv org_chart_xlsx relations_csv members_csv mapping_spec)
fi
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is not installed: cargo install cargo-fuzz" >&2; exit 1; }
FIXTURES=core/tests/fixtures/import
for t in "${TARGETS[@]}"; do
  corpus=fuzz/corpus/$t
  mkdir -p "$corpus"
  case $t in
    org_chart_xlsx) cp $FIXTURES/*.xlsx "$corpus"/ ;;
    mapping_spec) printf 'name=Full Name,reports_to=Boss|Full Name|Boss' > "$corpus/seed" ;;
    relations_csv|members_csv) for f in $FIXTURES/survey_*.csv $FIXTURES/members.csv; do
        { printf '\001'; cat "$f"; } > "$corpus/$(basename "$f")"; done ;;
    *) cp $FIXTURES/*.csv "$corpus"/ ;;
  esac
  echo "== $t: ${SECONDS_EACH}s"
  (cd fuzz && cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$SECONDS_EACH" -max_len=65536)
done
echo "no crashes"
