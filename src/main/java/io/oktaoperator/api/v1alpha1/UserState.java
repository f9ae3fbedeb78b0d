package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The lifecycle state that the resource asks Okta to hold the user in. */
public enum UserState {
  @JsonProperty("Staged")
  STAGED,
  @JsonProperty("Active")
  ACTIVE,
  @JsonProperty("Suspended")
  SUSPENDED,
  @JsonProperty("Deprovisioned")
  DEPROVISIONED;

  /** Returns the value as written in a manifest, such as {@code Active}. */
  public String manifestValue() {
    String name = name();
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
