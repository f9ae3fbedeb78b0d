#!/usr/bin/env bash
# Regenerates every checked-in copy of generated files: the CRD under crds/ and in the Helm chart
# (from the Java classes), and deploy/okta-user-operator.yaml (from the Helm chart and
# deploy/values.yaml). Run it after changing the OktaUser classes, the chart or deploy/values.yaml,
# and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q process-classes
cp target/classes/META-INF/fabric8/oktausers.oktaoperator.io-v1.yml crds/oktausers.oktaoperator.io-v1.yml
cp crds/oktausers.oktaoperator.io-v1.yml helm/okta-user-operator/crds/oktausers.oktaoperator.io-v1.yml
mvn -B -q test -Dtest=DeployManifestTest -Dsurefire.failIfNoSpecifiedTests=false -Ddeploy.regenerate=true
echo "Wrote crds/, the chart's CRD and deploy/okta-user-operator.yaml"
