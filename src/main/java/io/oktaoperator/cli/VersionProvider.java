package io.oktaoperator.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version written into the jar manifest by the build. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"okta-user-operator " + (version == null ? "development build" : version)};
  }
}
