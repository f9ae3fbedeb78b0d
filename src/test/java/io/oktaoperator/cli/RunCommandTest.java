package io.oktaoperator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {

  record Result(int exitCode, String err) {}

  static Result run(Map<String, String> environment, String... args) {
    CommandLine commandLine = new CommandLine(new RunCommand(environment));
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, err.toString());
  }

  @Test
  void missingOrgUrlExitsWithCodeTwoAndOneLine() {
    Result result = run(Map.of("OKTA_API_TOKEN", "abc"));

    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("error: OKTA_ORG_URL is not set"), result.err());
    assertEquals(1, result.err().strip().lines().count(), result.err());
  }

  @Test
  void missingTokenExitsWithCodeTwo() {
    Result result = run(Map.of("OKTA_ORG_URL", "https://acme.okta.com"));

    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("error: OKTA_API_TOKEN is not set"), result.err());
  }

  @Test
  void malformedOrgUrlExitsWithCodeTwo() {
    Result result = run(Map.of("OKTA_ORG_URL", "not a url", "OKTA_API_TOKEN", "abc"));

    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("error: OKTA_ORG_URL"), result.err());
  }

  @Test
  void httpToRemoteHostIsRejectedEvenWithLoopbackFlag() {
    Result result = run(Map.of("OKTA_ORG_URL", "http://acme.okta.com", "OKTA_API_TOKEN", "abc"), "--allow-insecure-loopback");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("error: "), result.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"run", "sandbox", "simulator"}) {
      StringWriter out = new StringWriter();
      CommandLine commandLine = Main.newCommandLine();
      commandLine.setOut(new PrintWriter(out));

      int exitCode = commandLine.execute(command, "--help");

      assertEquals(0, exitCode, command);
      assertTrue(out.toString().contains("Usage:"), command + ": " + out);
    }
  }

  @Test
  void rootMessageNamesFirstIoFailure() {
    var failure = new IllegalStateException("outer", new RuntimeException("middle",
        new java.net.ConnectException("Connection refused")));

    assertEquals("ConnectException: Connection refused", RunCommand.rootMessage(failure));
  }

  @Test
  void rootMessageFallsBackToInnermostCause() {
    var failure = new IllegalStateException("outer", new IllegalArgumentException("the real reason"));

    assertEquals("the real reason", RunCommand.rootMessage(failure));
  }
}
