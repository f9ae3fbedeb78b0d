#!/usr/bin/env bash
# Regenerates deploy/okta-user-operator.yaml from the Helm chart and deploy/values.yaml.
# Run it after changing the chart, its CRD or deploy/values.yaml, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest=DeployManifestTest -Dsurefire.failIfNoSpecifiedTests=false -Ddeploy.regenerate=true
echo "Wrote deploy/okta-user-operator.yaml"
