package io.oktaoperator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.OktaUserProfile;
import io.oktaoperator.api.v1alpha1.OktaUserSpec;
import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.reconciler.Conditions;
import io.oktaoperator.sandbox.EmbeddedKubernetes;
import io.oktaoperator.simulator.OktaSimulator;
import io.oktaoperator.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run} command as its own process: kubeconfig, environment, probes, JSON logs and SIGTERM. */
class RunProcessTest {

  static final String TOKEN = "run-process-token-5d1e";

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static int status(int port, String path) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Test
  void runReconcilesServesProbesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    try (OktaSimulator simulator = OktaSimulator.start(SimulatorOptions.builder().port(0).apiToken(TOKEN).build());
        EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start()) {
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, """
          apiVersion: v1
          kind: Config
          clusters:
          - name: embedded
            cluster: {server: "%s"}
          contexts:
          - name: embedded
            context: {cluster: embedded, user: embedded, namespace: default}
          current-context: embedded
          users:
          - name: embedded
            user: {token: not-checked}
          """.formatted(kubernetes.url()));
      int port = freePort();
      Path output = dir.resolve("operator.log");
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          Main.class.getName(), "run", "--allow-insecure-loopback");
      builder.environment().put("KUBECONFIG", kubeconfig.toString());
      builder.environment().put("OKTA_ORG_URL", simulator.baseUrl().toString());
      builder.environment().put("OKTA_API_TOKEN", TOKEN);
      builder.environment().put("HTTP_PORT", Integer.toString(port));
      builder.environment().put("LOG_FORMAT", "json");
      builder.redirectErrorStream(true).redirectOutput(output.toFile());
      Process process = builder.start();
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> status(port, "/readyz") == 200);
        assertEquals(200, status(port, "/healthz"));

        kubernetes.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-r").endMetadata().build()).create();
        kubernetes.client().resource(user()).create();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
          OktaUser current = kubernetes.client().resources(OktaUser.class).inNamespace("team-r").withName("rita").get();
          var ready = current.getStatus() == null ? null : Conditions.find(current.getStatus().getConditions(), Conditions.READY);
          return ready != null && "True".equals(ready.getStatus());
        });

        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the operator did not stop within 30 s of SIGTERM");
      } finally {
        process.destroyForcibly();
      }

      List<JsonNode> lines = new ArrayList<>();
      ObjectMapper json = new ObjectMapper();
      for (String line : Files.readAllLines(output)) {
        if (line.startsWith("{")) {
          lines.add(json.readTree(line));
        }
      }
      String log = Files.readString(output);
      assertFalse(lines.isEmpty(), "no JSON log line: " + log);
      assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().startsWith("Stopping the operator")), log);
      JsonNode created = lines.stream().filter(l -> l.path("message").asText().startsWith("Created Okta user")).findFirst().orElseThrow(
          () -> new AssertionError("no create logged: " + log));
      assertEquals("rita", created.path("resource.name").asText(), created.toString());
      assertEquals("team-r", created.path("resource.namespace").asText(), created.toString());
      assertTrue(created.path("okta.userId").asText().startsWith("00u"), created.toString());
      assertFalse(log.contains(TOKEN), "the API token leaked into the log");
    }
  }

  static OktaUser user() {
    OktaUserProfile profile = new OktaUserProfile();
    profile.setLogin("rita@example.com");
    profile.setEmail("rita@example.com");
    profile.setFirstName("Rita");
    profile.setLastName("Run");
    OktaUserSpec spec = new OktaUserSpec();
    spec.setProfile(profile);
    spec.setState(UserState.STAGED);
    OktaUser user = new OktaUser();
    user.setMetadata(new ObjectMetaBuilder().withName("rita").withNamespace("team-r").build());
    user.setSpec(spec);
    return user;
  }
}
