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
import java.time.Duration;
import org.junit.jupiter.api.Test;
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
    for (String option : new String[] {"--port", "--bind", "--api-token", "--async-delay", "--rate-limit"}) {
      assertTrue(help.contains(option), option + " missing from:\n" + help);
    }
    assertTrue(help.contains("500ms"), help);
    assertTrue(help.contains("per minute"), help);
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

  private static SimulatorCommand parse(String... args) {
    SimulatorCommand command = new SimulatorCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
