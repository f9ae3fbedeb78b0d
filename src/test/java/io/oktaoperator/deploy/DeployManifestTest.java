package io.oktaoperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps deploy/okta-user-operator.yaml, the plain manifests for kubectl users, identical to the
 * chart rendered with deploy/values.yaml. Run with {@code -Ddeploy.regenerate=true} (or
 * deploy/regenerate.sh) to rewrite the file instead of comparing.
 */
class DeployManifestTest {

  static final Path MANIFEST = Path.of("deploy/okta-user-operator.yaml");
  static final Path VALUES = Path.of("deploy/values.yaml");
  static final Path CRD = Path.of("crds/oktausers.oktaoperator.io-v1.yml");

  @TempDir Path workDirectory;

  @Test
  void manifestMatchesRenderedChart() throws IOException {
    String expected = renderManifest(workDirectory);

    if (Boolean.getBoolean("deploy.regenerate")) {
      Files.writeString(MANIFEST, expected);
      return;
    }

    assertTrue(Files.exists(MANIFEST), MANIFEST + " is missing. Generate it with: deploy/regenerate.sh");
    assertEquals(
        expected,
        Files.readString(MANIFEST),
        MANIFEST + " is stale. Regenerate it with: deploy/regenerate.sh"
            + " (or mvn test -Dtest=DeployManifestTest -Ddeploy.regenerate=true) and commit the result");
  }

  @Test
  void manifestStartsWithNamespaceThenCrd() {
    List<HasMetadata> objects = HelmChart.parse(renderManifest(workDirectory));

    Namespace namespace = (Namespace) objects.get(0);
    assertEquals(HelmChart.RELEASE_NAMESPACE, namespace.getMetadata().getName());
    CustomResourceDefinition crd = (CustomResourceDefinition) objects.get(1);
    assertEquals("oktausers.oktaoperator.io", crd.getMetadata().getName());
  }

  @Test
  void manifestReadsOktaSettingsFromSecret() {
    List<HasMetadata> objects = HelmChart.parse(renderManifest(workDirectory));
    var container = HelmChartTest.operatorContainer(objects);

    var orgUrl = HelmChartTest.env(container, "OKTA_ORG_URL").getValueFrom().getSecretKeyRef();
    var token = HelmChartTest.env(container, "OKTA_API_TOKEN").getValueFrom().getSecretKeyRef();
    assertEquals("okta-credentials", orgUrl.getName());
    assertEquals("orgUrl", orgUrl.getKey());
    assertEquals("okta-credentials", token.getName());
    assertEquals("apiToken", token.getKey());
  }

  /**
   * Builds the manifest: a header that explains the install, the Namespace, the CRD from crds/,
   * then the chart's templates rendered with deploy/values.yaml. helm template renders no
   * Namespace, and without --include-crds (which helm-java lacks) no CRD, so both are added here.
   */
  static String renderManifest(Path workDirectory) {
    try {
      String values = Files.readString(VALUES);
      String templates = HelmChart.template(values, workDirectory);
      String crd = Files.readString(CRD);
      return header()
          + namespace()
          + "---\n# Source: crds/oktausers.oktaoperator.io-v1.yml\n"
          + crd
          + (crd.endsWith("\n") ? "" : "\n")
          + templates.stripLeading();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header() throws IOException {
    Map<String, Object> defaults = HelmChart.readYaml(HelmChart.CHART_DIRECTORY.resolve("values.yaml"));
    String version = HelmChartTest.chartAppVersion();
    String namespace = HelmChart.RELEASE_NAMESPACE;
    return """
        # okta-user-operator %s: everything to run the operator, for kubectl apply.
        #
        # Generated from the Helm chart helm/okta-user-operator with deploy/values.yaml; do not edit.
        # Regenerate with deploy/regenerate.sh.
        #
        # 1. Create the namespace and a Secret with your Okta org URL and API token first. The
        #    operator pods do not start until the Secret exists.
        #
        #      kubectl create namespace %s
        #      kubectl create secret generic okta-credentials --namespace %s \\
        #        --from-literal=orgUrl=https://<your-org>.okta.com \\
        #        --from-literal=apiToken=<Okta API token>
        #
        # 2. Install the Namespace, the OktaUser CRD, RBAC, the operator Deployment and its metrics Service:
        #
        #      kubectl apply -f okta-user-operator.yaml
        #
        # Settings: all namespaces watched, %s replicas with leader election, %s logs at %s.
        # For other settings install the Helm chart, or patch these manifests with Kustomize.
        """
        .formatted(
            version,
            namespace,
            namespace,
            defaults.get("replicaCount"),
            defaults.get("logFormat"),
            defaults.get("logLevel"));
  }

  private static String namespace() {
    return """
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
          labels:
            app.kubernetes.io/part-of: okta-user-operator
            pod-security.kubernetes.io/enforce: restricted
        """
        .formatted(HelmChart.RELEASE_NAMESPACE);
  }
}
