package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What deleting the resource does to the Okta user. */
public enum DeletionPolicy {
  /** Deactivate the user, wait until Okta reports DEPROVISIONED, then delete it permanently. */
  @JsonProperty("Delete")
  DELETE,
  /** Deactivate the user and keep it in Okta. */
  @JsonProperty("Deactivate")
  DEACTIVATE,
  /** Leave the user in Okta untouched. */
  @JsonProperty("Orphan")
  ORPHAN
}
