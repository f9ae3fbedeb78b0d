package io.oktaoperator.okta;

import java.util.Objects;

/**
 * A secret string (API token, password, recovery answer) whose {@code toString()} never reveals it.
 * Only {@link #reveal()} returns the value, and only code that sends it to Okta calls it.
 */
public final class SecretValue {

  private final String value;

  private SecretValue(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static SecretValue of(String value) {
    return new SecretValue(value);
  }

  public String reveal() {
    return value;
  }

  public boolean isBlank() {
    return value.isBlank();
  }

  @Override
  public String toString() {
    return "[redacted]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretValue that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
