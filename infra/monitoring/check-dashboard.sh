#!/usr/bin/env bash
# Every query of the Grafana dashboard is valid PromQL: each becomes a recording rule that promtool checks.
#   infra/monitoring/check-dashboard.sh      (needs python3 and promtool)
set -euo pipefail
cd "$(dirname "$0")"
rules=$(mktemp --suffix=.yml)
trap 'rm -f "$rules"' EXIT
python3 - grafana/dashboards/cti-pipeline.json > "$rules" <<'PY'
import json, sys
dashboard = json.load(open(sys.argv[1]))
print("groups:\n  - name: dashboard\n    rules:")
for panel in dashboard["panels"]:
    for i, target in enumerate(panel.get("targets", [])):
        print("      - record: dashboard:panel_%d_%d\n        expr: %s" % (panel["id"], i, json.dumps(target["expr"])))
PY
promtool check rules "$rules"
