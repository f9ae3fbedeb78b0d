package io.oktaoperator.deploy;

import static io.oktaoperator.deploy.HelmChart.REQUIRED_VALUES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that the image built by the Dockerfile runs the way the Helm chart expects it to. */
class DockerfileTest {

  static final Path DOCKERFILE = Path.of("Dockerfile");

  @TempDir Path workDirectory;

  private List<Instruction> runtimeStage;
  private List<Instruction> buildStage;
  private Deployment deployment;

  /** One Dockerfile instruction: the keyword in upper case and its arguments, continuation lines joined. */
  record Instruction(String keyword, String arguments) {}

  @BeforeEach
  void parseDockerfileAndRenderChart() throws IOException {
    List<List<Instruction>> stages = stages(parse(Files.readString(DOCKERFILE)));
    assertEquals(2, stages.size(), "the Dockerfile must have a build stage and a runtime stage");
    buildStage = stages.get(0);
    runtimeStage = stages.get(1);
    deployment = HelmChartTest.deployment(HelmChart.render(REQUIRED_VALUES, workDirectory));
  }

  @Test
  void buildStageRunsMavenPackage() {
    assertTrue(
        buildStage.get(0).arguments().contains("maven:3.9-eclipse-temurin-17"),
        "build stage base image: " + buildStage.get(0).arguments());
    assertTrue(
        arguments(buildStage, "RUN").stream().anyMatch(run -> run.contains("mvn -B -DskipTests package")),
        "the build stage must run mvn -B -DskipTests package");
  }

  @Test
  void jarPathMatchesChartCommand() {
    String copy = single(runtimeStage, "COPY");
    Container container = HelmChartTest.operatorContainer(List.of(deployment));

    assertEquals("--from=build /workspace/target/okta-user-operator.jar /app/okta-user-operator.jar", copy);
    assertTrue(container.getCommand().contains("/app/okta-user-operator.jar"), "chart command: " + container.getCommand());
  }

  @Test
  void userMatchesChartSecurityContext() {
    PodSecurityContext podSecurity = deployment.getSpec().getTemplate().getSpec().getSecurityContext();

    assertEquals(podSecurity.getRunAsUser() + ":" + podSecurity.getRunAsGroup(), single(runtimeStage, "USER"));
    assertEquals("65532:65532", single(runtimeStage, "USER"));
  }

  @Test
  void defaultCommandMatchesChart() throws IOException {
    Container container = HelmChartTest.operatorContainer(List.of(deployment));

    assertEquals(container.getCommand(), jsonArray(single(runtimeStage, "ENTRYPOINT")), "ENTRYPOINT and the chart's command");
    assertEquals(container.getArgs(), jsonArray(single(runtimeStage, "CMD")), "CMD and the chart's args");
    assertEquals(List.of("run"), jsonArray(single(runtimeStage, "CMD")), "default subcommand");
  }

  @Test
  void jvmOptionsMatchChartDefault() {
    Container container = HelmChartTest.operatorContainer(List.of(deployment));
    String chartOptions = HelmChartTest.env(container, "JAVA_TOOL_OPTIONS").getValue();

    assertEquals("JAVA_TOOL_OPTIONS=\"" + chartOptions + "\"", single(runtimeStage, "ENV"));
    assertTrue(chartOptions.contains("-XX:MaxRAMPercentage=75"), "JAVA_TOOL_OPTIONS: " + chartOptions);
  }

  @Test
  void exposedPortMatchesChartDefault() {
    Container container = HelmChartTest.operatorContainer(List.of(deployment));

    assertEquals(String.valueOf(container.getPorts().get(0).getContainerPort()), single(runtimeStage, "EXPOSE"));
  }

  /** Parses Dockerfile text into instructions, skipping comments and joining lines that end in a backslash. */
  static List<Instruction> parse(String dockerfile) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : dockerfile.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String[] parts = pending.toString().strip().split("\\s+", 2);
      instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
      pending.setLength(0);
    }
    return instructions;
  }

  /** Splits instructions into stages, each starting with its FROM instruction. */
  static List<List<Instruction>> stages(List<Instruction> instructions) {
    List<List<Instruction>> stages = new ArrayList<>();
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("FROM")) {
        stages.add(new ArrayList<>());
      }
      if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).add(instruction);
      }
    }
    return stages;
  }

  static List<String> arguments(List<Instruction> stage, String keyword) {
    return stage.stream().filter(instruction -> instruction.keyword().equals(keyword)).map(Instruction::arguments).toList();
  }

  static String single(List<Instruction> stage, String keyword) {
    List<String> matches = arguments(stage, keyword);
    assertEquals(1, matches.size(), () -> "expected one " + keyword + " in the stage but found " + matches);
    return matches.get(0);
  }

  static List<String> jsonArray(String execForm) throws IOException {
    return new ObjectMapper().readValue(execForm, new TypeReference<List<String>>() {});
  }
}
