package io.oktaoperator.okta;

import java.util.Locale;

/** The eight statuses an Okta user can have, as the Users API names them. */
public enum OktaStatus {
  STAGED,
  PROVISIONED,
  ACTIVE,
  RECOVERY,
  LOCKED_OUT,
  PASSWORD_EXPIRED,
  SUSPENDED,
  DEPROVISIONED;

  /**
   * Parses Okta's {@code status} or {@code transitioningToStatus} value.
   *
   * @return the status, or null for a null or blank value
   * @throws IllegalArgumentException for a value Okta does not document
   */
  public static OktaStatus parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
