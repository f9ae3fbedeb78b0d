package io.oktaoperator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar okta-user-operator.jar}: dispatches to the subcommands. */
@Command(
    name = "okta-user-operator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Manages Okta users as OktaUser Kubernetes resources.",
    subcommands = {RunCommand.class, SandboxCommand.class, SimulatorCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  static CommandLine newCommandLine() {
    return new CommandLine(new Main());
  }
}
