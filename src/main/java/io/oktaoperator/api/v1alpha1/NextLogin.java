package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The step the user must take at first sign-in. */
public enum NextLogin {
  /** Change the password set by the operator (Okta's {@code nextLogin=changePassword} on create). */
  @JsonProperty("ChangePassword")
  CHANGE_PASSWORD
}
