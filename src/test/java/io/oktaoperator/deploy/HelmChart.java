package io.oktaoperator.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders and lints the Helm chart under helm/okta-user-operator with the Helm library embedded by helm-java. */
final class HelmChart {

  static final Path CHART_DIRECTORY = Path.of("helm/okta-user-operator");
  static final String RELEASE_NAME = "okta-user-operator";
  static final String RELEASE_NAMESPACE = "okta-user-operator";

  /**
   * Kubernetes version passed to helm template. The embedded library otherwise assumes v1.20,
   * which the chart's kubeVersion constraint rejects.
   */
  static final String KUBE_VERSION = "1.31.0";

  /** The smallest values file the chart renders with: the Okta org URL and the token Secret. */
  static final String REQUIRED_VALUES =
      """
      okta:
        orgUrl: https://example.okta.com
        existingSecret: okta-credentials
      """;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final KubernetesSerialization KUBERNETES_SERIALIZATION = new KubernetesSerialization();

  private HelmChart() {}

  /**
   * Runs helm template on the chart with {@code valuesYaml} as the values file (written to
   * {@code workDirectory}) and returns the rendered YAML. CRDs are not part of the output.
   *
   * @throws IllegalStateException with Helm's message when rendering or schema validation fails
   */
  static String template(String valuesYaml, Path workDirectory) {
    return new Helm(CHART_DIRECTORY)
        .template()
        .withName(RELEASE_NAME)
        .withNamespace(RELEASE_NAMESPACE)
        .withKubeVersion(KUBE_VERSION)
        .withValuesFile(writeValuesFile(valuesYaml, workDirectory))
        .call();
  }

  private static Path writeValuesFile(String valuesYaml, Path workDirectory) {
    Path valuesFile = workDirectory.resolve("values-" + System.nanoTime() + ".yaml");
    try {
      return Files.writeString(valuesFile, valuesYaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a client-only helm install --dry-run with {@code valuesYaml} and returns its output, which ends with NOTES.txt. */
  static String installDryRunOutput(String valuesYaml, Path workDirectory) {
    return new Helm(CHART_DIRECTORY)
        .install()
        .withName(RELEASE_NAME)
        .withNamespace(RELEASE_NAMESPACE)
        .withKubeVersion(KUBE_VERSION)
        .clientOnly()
        .dryRun()
        .withValuesFile(writeValuesFile(valuesYaml, workDirectory))
        .call()
        .getOutput();
  }

  /** Renders the chart like {@link #template} and parses every document into a typed Fabric8 object. */
  static List<HasMetadata> render(String valuesYaml, Path workDirectory) {
    return parse(template(valuesYaml, workDirectory));
  }

  static List<HasMetadata> parse(String yaml) {
    Object parsed = KUBERNETES_SERIALIZATION.unmarshal(yaml);
    List<HasMetadata> objects = new ArrayList<>();
    if (parsed instanceof List<?> list) {
      for (Object item : list) {
        objects.add((HasMetadata) item);
      }
    } else if (parsed != null) {
      objects.add((HasMetadata) parsed);
    }
    return objects;
  }

  /**
   * Runs helm lint --strict on a copy of the chart whose values.yaml is the chart's own with
   * {@code overridesYaml} merged in. helm-java's lint command takes no values file, and without
   * the required values helm lint skips checking the rendered templates.
   */
  static LintResult lintStrict(String overridesYaml, Path workDirectory) {
    Path copy = workDirectory.resolve("okta-user-operator");
    copyDirectory(CHART_DIRECTORY, copy);
    Map<String, Object> values = readYaml(CHART_DIRECTORY.resolve("values.yaml"));
    mergeInto(values, parseYaml(overridesYaml));
    try {
      YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Helm(copy).lint().strict().call();
  }

  /** Runs helm lint --strict on the chart as it is checked in. */
  static LintResult lintStrict() {
    return new Helm(CHART_DIRECTORY).lint().strict().call();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readYaml(Path file) {
    try {
      return YAML.readValue(file.toFile(), LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseYaml(String yaml) {
    try {
      return YAML.readValue(yaml, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Merges {@code overrides} into {@code target} recursively, the way Helm merges values files. */
  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> target, Map<String, ?> overrides) {
    for (Map.Entry<String, ?> entry : overrides.entrySet()) {
      Object existing = target.get(entry.getKey());
      if (existing instanceof Map<?, ?> existingMap && entry.getValue() instanceof Map<?, ?> overrideMap) {
        mergeInto((Map<String, Object>) existingMap, (Map<String, ?>) overrideMap);
      } else {
        target.put(entry.getKey(), entry.getValue());
      }
    }
  }

  private static void copyDirectory(Path source, Path target) {
    try (var paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path destination = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
