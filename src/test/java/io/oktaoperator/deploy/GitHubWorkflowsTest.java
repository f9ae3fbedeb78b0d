package io.oktaoperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks that the GitHub Actions workflows pin actions to commits, grant least privilege and run the build. */
class GitHubWorkflowsTest {

  static final Path WORKFLOWS = Path.of(".github/workflows");

  /** uses: owner/repo[/path]@<full commit SHA> # vX.Y.Z */
  static final Pattern PINNED_ACTION =
      Pattern.compile("^\\s*(-\\s+)?uses:\\s+[\\w.-]+/[\\w./-]+@[0-9a-f]{40}\\s+#\\s+v\\d+\\.\\d+\\.\\d+\\s*$");

  static final Pattern USES = Pattern.compile("^\\s*(-\\s+)?uses:");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyActionIsPinnedToCommitSha() throws IOException {
    List<String> unpinned = new ArrayList<>();
    int actionCount = 0;
    for (Path workflow : workflows()) {
      List<String> lines = Files.readAllLines(workflow);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (!USES.matcher(line).find()) {
          continue;
        }
        actionCount++;
        if (!PINNED_ACTION.matcher(line).matches()) {
          unpinned.add(workflow + ":" + (i + 1) + ": " + line.strip());
        }
      }
    }

    assertTrue(actionCount > 0, "no uses: lines found under " + WORKFLOWS);
    assertEquals(List.of(), unpinned, "pin each action to a full commit SHA followed by its version, e.g. @<sha> # v4.2.2");
  }

  @Test
  void sameActionUsesSameCommitEverywhere() throws IOException {
    Pattern reference = Pattern.compile("uses:\\s+([\\w./-]+)@([0-9a-f]{40})");
    Map<String, String> commits = new TreeMap<>();
    List<String> conflicts = new ArrayList<>();
    for (Path workflow : workflows()) {
      Matcher matcher = reference.matcher(Files.readString(workflow));
      while (matcher.find()) {
        String previous = commits.putIfAbsent(matcher.group(1), matcher.group(2));
        if (previous != null && !previous.equals(matcher.group(2))) {
          conflicts.add(matcher.group(1) + " at " + previous + " and " + matcher.group(2));
        }
      }
    }

    assertEquals(List.of(), conflicts, "actions pinned to different commits");
  }

  @Test
  void everyWorkflowSetsReadOnlyDefaultPermissions() throws IOException {
    for (Path workflow : workflows()) {
      JsonNode permissions = YAML.readTree(workflow.toFile()).get("permissions");

      assertNotNull(permissions, workflow + " must set top-level permissions");
      assertTrue(permissions.isObject(), workflow + " must list top-level permissions per scope");
      assertEquals("read", permissions.path("contents").asText(), workflow + " permissions.contents");
      assertEquals(1, permissions.size(), workflow + " must grant only contents: read by default; widen per job");
    }
  }

  @Test
  void checkoutDoesNotPersistCredentials() throws IOException {
    for (Path workflow : workflows()) {
      JsonNode jobs = YAML.readTree(workflow.toFile()).get("jobs");
      for (JsonNode job : jobs) {
        for (JsonNode step : job.path("steps")) {
          if (step.path("uses").asText().startsWith("actions/checkout@")) {
            assertFalse(
                step.path("with").path("persist-credentials").asBoolean(true),
                workflow + ": actions/checkout must set persist-credentials: false");
          }
        }
      }
    }
  }

  @Test
  void ciVerifiesOnPushAndPullRequest() throws IOException {
    JsonNode ci = YAML.readTree(WORKFLOWS.resolve("ci.yml").toFile());

    assertTrue(ci.path("on").has("push"), "ci.yml must run on push");
    assertTrue(ci.path("on").has("pull_request"), "ci.yml must run on pull_request");
    assertTrue(ci.toString().contains("mvn -B verify"), "ci.yml must run mvn -B verify");
  }

  static List<Path> workflows() throws IOException {
    try (var files = Files.list(WORKFLOWS)) {
      return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
