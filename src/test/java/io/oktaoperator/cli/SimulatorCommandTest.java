package io.oktaoperator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oktaoperator.simulator.OktaSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class SimulatorCommandTest {

  @Test
  void startPrintsUrlAndServesWithGivenToken() throws IOException, InterruptedException {
    SimulatorCommand command = parse("--port", "0", "--api-token", "cli-token", "--async-delay", "2s");
    StringWriter output = new StringWriter();

    try (OktaSimulator simulator = command.start(new PrintWriter(output))) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(simulator.baseUrl().resolve("/api/v1/users"))
                      .header("Authorization", "SSWS cli-token")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals("Okta simulator listening on " + simulator.baseUrl() + System.lineSeparator(), output.toString());
      assertTrue(simulator.baseUrl().toString().startsWith("http://127.0.0.1:"));
      assertEquals(200, response.statusCode());
    }
  }

  @Test
  void missingTokenIsGeneratedAndPrinted() {
    SimulatorCommand command = parse("--port", "0", "--api-token", "");
    StringWriter output = new StringWriter();

    try (OktaSimulator simulator = command.start(new PrintWriter(output))) {
      assertTrue(output.toString().contains("API token: " + simulator.apiToken()), output.toString());
    }
  }

  @Test
  void helpDescribesEveryOptionAndUnit() {
    StringWriter output = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(output));

    int exitCode = commandLine.execute("simulator", "--help");

    String help = output.toString();
    assertEquals(0, exitCode);
    String[] options = {
      "--port", "--bind", "--api-token", "--token", "--async-delay", "--rate-limit", "--rate-limit-profile",
      "--token-share", "--concurrency-limit", "--seed-users", "--state-file", "--search-index-lag", "--latency",
      "--latency-jitter", "--server-error-rate", "--timeout-rate", "--timeout-hold", "--fault-seed"
    };
    for (String option : options) {
      assertTrue(help.contains(option), option + " missing from:\n" + help);
    }
    assertTrue(help.contains("500ms"), help);
    assertTrue(help.contains("per minute"), help);
    assertTrue(help.contains("percent"), help);
    assertTrue(help.contains("from 0 to 1"), help);
  }

  @Test
  void scopedTokenCanOnlyRead() throws IOException, InterruptedException {
    SimulatorCommand command = parse("--port", "0", "--api-token", "full", "--token", "reader=okta.users.read");

    try (OktaSimulator simulator = command.start(new PrintWriter(new StringWriter()))) {
      HttpResponse<String> read = send(simulator, "GET", "/api/v1/users", "Bearer reader", null);
      HttpResponse<String> write = send(simulator, "POST", "/api/v1/users", "Bearer reader", "{}");

      assertEquals(200, read.statusCode());
      assertEquals(403, write.statusCode());
      assertTrue(write.body().contains("E0000006"), write.body());
    }
  }

  @Test
  void seedUsersFileCreatesUsersWithRoles(@TempDir Path directory) throws IOException, InterruptedException {
    Path seed = directory.resolve("users.json");
    Files.writeString(
        seed,
        "[{\"profile\":{\"login\":\"jane@example.com\",\"email\":\"jane@example.com\",\"firstName\":\"Jane\","
            + "\"lastName\":\"Doe\"},\"adminRoles\":[\"SUPER_ADMIN\"]},"
            + "{\"profile\":{\"login\":\"john@example.com\"},\"status\":\"STAGED\"}]");
    SimulatorCommand command = parse("--port", "0", "--api-token", "t", "--seed-users", seed.toString());
    StringWriter output = new StringWriter();

    try (OktaSimulator simulator = command.start(new PrintWriter(output))) {
      HttpResponse<String> roles = send(simulator, "GET", "/api/v1/users/jane@example.com/roles", "SSWS t", null);

      assertTrue(output.toString().contains("Seeded 2 users"), output.toString());
      assertEquals("ACTIVE", simulator.findUser("jane@example.com").orElseThrow().status());
      assertEquals("STAGED", simulator.findUser("john@example.com").orElseThrow().status());
      assertTrue(roles.body().contains("\"SUPER_ADMIN\""), roles.body());
    }
  }

  @Test
  void stateFileKeepsUsersAcrossRestarts(@TempDir Path directory) throws IOException, InterruptedException {
    Path state = directory.resolve("state/okta.json");
    String password = "Tr0ub4dor-Horse";
    String body =
        "{\"profile\":{\"login\":\"jane@example.com\",\"email\":\"jane@example.com\",\"firstName\":\"Jane\","
            + "\"lastName\":\"Doe\"},\"credentials\":{\"password\":{\"value\":\"" + password + "\"}}}";
    SimulatorCommand first = parse("--port", "0", "--api-token", "t", "--state-file", state.toString());
    OktaSimulator firstRun = first.start(new PrintWriter(new StringWriter()));
    String id;
    try {
      id = createdId(send(firstRun, "POST", "/api/v1/users", "SSWS t", body));
    } finally {
      first.stop(firstRun);
    }

    SimulatorCommand second = parse("--port", "0", "--api-token", "t", "--state-file", state.toString());
    StringWriter output = new StringWriter();
    try (OktaSimulator secondRun = second.start(new PrintWriter(output))) {
      HttpResponse<String> restored = send(secondRun, "GET", "/api/v1/users/" + id, "SSWS t", null);
      HttpResponse<String> change =
          send(
              secondRun,
              "POST",
              "/api/v1/users/" + id + "/credentials/change_password",
              "SSWS t",
              "{\"oldPassword\":{\"value\":\"" + password + "\"},\"newPassword\":{\"value\":\"N3w-Secret-Pass\"}}");
      String newId =
          createdId(
              send(secondRun, "POST", "/api/v1/users", "SSWS t", body.replace("jane@example.com", "john@example.com")));

      assertTrue(Files.exists(state));
      assertTrue(output.toString().contains("Restored 1 users"), output.toString());
      assertEquals(200, restored.statusCode());
      assertTrue(restored.body().contains("\"status\":\"ACTIVE\""), restored.body());
      assertEquals(200, change.statusCode(), "the restored password still works: " + change.body());
      assertTrue(newId.compareTo(id) > 0, "new ids sort after restored ones: " + newId + " vs " + id);
    }
  }

  @Test
  void faultAndRateLimitOptionsApply() throws IOException, InterruptedException {
    SimulatorCommand command =
        parse(
            "--port", "0", "--api-token", "t", "--server-error-rate", "1", "--fault-seed", "3",
            "--rate-limit-profile", "integrator-free", "--token-share", "100");

    try (OktaSimulator simulator = command.start(new PrintWriter(new StringWriter()))) {
      HttpResponse<String> response = send(simulator, "GET", "/api/v1/users", "SSWS t", null);

      assertTrue(response.statusCode() == 500 || response.statusCode() == 503, "status " + response.statusCode());
      assertEquals("100", response.headers().firstValue("X-Rate-Limit-Limit").orElseThrow());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--rate-limit-profile=gold",
        "--token=reader=okta.users.write",
        "--server-error-rate=1.5",
        "--token-share=0"
      })
  void invalidOptionValueExitsWith2(String option) {
    CommandLine commandLine = Main.newCommandLine();
    StringWriter errors = new StringWriter();
    commandLine.setErr(new PrintWriter(errors));

    assertEquals(2, commandLine.execute("simulator", "--port", "0", option));
    assertTrue(errors.toString().contains("Invalid"), errors.toString());
  }

  @Test
  void invalidDurationExitsWith2() {
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setErr(new PrintWriter(new StringWriter()));

    assertEquals(2, commandLine.execute("simulator", "--async-delay", "soon"));
  }

  @ParameterizedTest
  @CsvSource({"0, PT0S", "500ms, PT0.5S", "2s, PT2S", "1m, PT1M", "PT1.5S, PT1.5S", "250 ms, PT0.25S"})
  void asyncDelayAcceptsUnits(String text, String expected) {
    assertEquals(Duration.parse(expected), new SimulatorCommand.DurationConverter().convert(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "2h", "-1s", "PT-1S", "abc"})
  void asyncDelayRejectsMissingUnitAndNegatives(String text) {
    assertThrows(
        CommandLine.TypeConversionException.class, () -> new SimulatorCommand.DurationConverter().convert(text));
  }

  private static HttpResponse<String> send(OktaSimulator simulator, String method, String path, String authorization, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(simulator.baseUrl().resolve(path))
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(10));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Returns the id of the user in a create response. */
  private static String createdId(HttpResponse<String> created) {
    assertEquals(200, created.statusCode(), created.body());
    int start = created.body().indexOf("\"id\":\"") + 6;
    return created.body().substring(start, created.body().indexOf('"', start));
  }

  private static SimulatorCommand parse(String... args) {
    SimulatorCommand command = new SimulatorCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
