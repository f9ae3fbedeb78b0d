package io.oktaoperator.deploy;

import static io.oktaoperator.deploy.HelmChart.REQUIRED_VALUES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps docs/configuration.md in step with the chart's values and the environment it sets. */
class ConfigurationDocsTest {

  static final Path CONFIGURATION_DOC = Path.of("docs/configuration.md");
  static final Path VALUES_SCHEMA = HelmChart.CHART_DIRECTORY.resolve("values.schema.json");

  /** Values documented as a whole rather than key by key. */
  static final Set<String> DOCUMENTED_AS_WHOLE = Set.of("resources");

  /** Helm shares global with subcharts; this chart reads nothing from it. */
  static final Set<String> NOT_DOCUMENTED = Set.of("global");

  @TempDir Path workDirectory;

  @Test
  void everyChartValueIsDocumented() throws IOException {
    String documentation = Files.readString(CONFIGURATION_DOC);
    List<String> valuePaths = new ArrayList<>();
    collectValuePaths(new ObjectMapper().readTree(VALUES_SCHEMA.toFile()), "", valuePaths);

    assertTrue(valuePaths.contains("okta.orgUrl"), "value paths read from the schema: " + valuePaths);
    List<String> undocumented = valuePaths.stream().filter(path -> !documentation.contains("`" + path + "`")).toList();

    assertEquals(List.of(), undocumented, "values missing from " + CONFIGURATION_DOC);
  }

  @Test
  void everyEnvironmentVariableIsDocumented() throws IOException {
    String documentation = Files.readString(CONFIGURATION_DOC);
    List<EnvVar> environment =
        HelmChartTest.operatorContainer(HelmChart.render(REQUIRED_VALUES, workDirectory)).getEnv();

    List<String> undocumented =
        environment.stream().map(EnvVar::getName).filter(name -> !documentation.contains("`" + name + "`")).toList();

    assertEquals(List.of(), undocumented, "environment variables missing from " + CONFIGURATION_DOC);
  }

  /** Collects the dotted path of every leaf value that the schema defines, such as okta.orgUrl. */
  static void collectValuePaths(JsonNode schema, String prefix, List<String> paths) {
    for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
      Map.Entry<String, JsonNode> property = properties.next();
      String path = prefix + property.getKey();
      if (NOT_DOCUMENTED.contains(path)) {
        continue;
      }
      if (property.getValue().has("properties") && !DOCUMENTED_AS_WHOLE.contains(path)) {
        collectValuePaths(property.getValue(), path + ".", paths);
      } else {
        paths.add(path);
      }
    }
  }
}
