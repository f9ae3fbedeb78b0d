package io.oktaoperator.cli;

/** Process exit codes of the commands. */
final class ExitCodes {

  static final int OK = 0;
  /** Something did not converge or failed while running. */
  static final int FAILURE = 1;
  /** A missing or malformed setting; the message names it. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
