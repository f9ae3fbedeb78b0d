package io.oktaoperator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "simulator", mixinStandardHelpOptions = true, description = "Not implemented yet.")
final class SimulatorCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    return 1;
  }
}
