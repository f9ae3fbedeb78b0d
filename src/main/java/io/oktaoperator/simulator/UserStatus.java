package io.oktaoperator.simulator;

/** Okta's user statuses, spelled as the API returns them. */
enum UserStatus {
  STAGED,
  PROVISIONED,
  ACTIVE,
  RECOVERY,
  LOCKED_OUT,
  PASSWORD_EXPIRED,
  SUSPENDED,
  DEPROVISIONED
}
