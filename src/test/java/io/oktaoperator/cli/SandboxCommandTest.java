package io.oktaoperator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's first command, in-process, on the repository's examples. */
class SandboxCommandTest {

  record Result(int exitCode, String out, String err) {}

  static Result sandbox(String... args) {
    CommandLine commandLine = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  @Test
  void sandboxConvergesExamplesAndDemonstrates() {
    Result result = sandbox("sandbox", "--examples", "examples");

    assertEquals(0, result.exitCode(), result.out() + result.err());
    String out = result.out();
    assertTrue(out.contains("team-a/jane-doe"), out);
    assertTrue(out.contains("jane.doe@example.com"), out);
    assertTrue(out.contains("ACTIVE"), out);
    assertTrue(out.contains("STAGED"), out);
    assertTrue(out.contains("SUSPENDED"), out);
    assertTrue(out.contains("Profile update:"), out);
    assertTrue(out.contains("Okta now has title 'Staff Engineer'"), out);
    assertTrue(out.contains("Suspension:"), out);
    assertTrue(out.contains("Okta status is now SUSPENDED"), out);
    assertTrue(out.contains("was deactivated, then deleted"), out);
    assertTrue(!out.contains("Sandbox-Only-Pa55word!"), "a password from the examples leaked into the output");
  }

  @Test
  void sandboxNamesStuckResourceAndExitsNonZero(@TempDir Path examples) throws IOException {
    Files.writeString(examples.resolve("bad.yaml"), """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: team-z
        ---
        apiVersion: oktaoperator.io/v1alpha1
        kind: OktaUser
        metadata:
          name: no-email
          namespace: team-z
        spec:
          profile:
            login: no.email@example.com
            firstName: No
            lastName: Email
        """);

    Result result = sandbox("sandbox", "--examples", examples.toString(), "--timeout", "3s");

    assertEquals(1, result.exitCode(), result.out() + result.err());
    assertTrue(result.err().contains("team-z/no-email"), result.err());
    assertTrue(result.err().contains("InvalidSpec"), result.err());
    assertTrue(result.err().contains("spec.profile.email"), result.err());
  }

  @Test
  void missingExamplesFolderIsUsageError() {
    Result result = sandbox("sandbox", "--examples", "no-such-folder");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("no-such-folder"), result.err());
  }
}
