package io.oktaoperator.simulator;

/**
 * A password sent in {@code credentials.password}.
 *
 * @param value the clear-text value, or null for an imported password
 * @param imported true for {@code password.hash} or {@code password.hook}: the provider becomes IMPORT
 */
record PasswordInput(String value, boolean imported) {

  @Override
  public String toString() {
    return imported ? "PasswordInput[imported]" : "PasswordInput[value=***]";
  }
}
