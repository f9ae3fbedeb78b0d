package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * A create call the operator recorded before sending it. If the operator stopped after Okta created
 * the user but before the id was written, the next reconcile finds the user by this login and takes
 * it as its own.
 */
public class CreateIntent {

  @JsonPropertyDescription("Login sent in the create call.")
  private String login;

  @JsonPropertyDescription("When the create call was about to be sent (RFC 3339).")
  private String requestedAt;

  public CreateIntent() {}

  public CreateIntent(String login, String requestedAt) {
    this.login = login;
    this.requestedAt = requestedAt;
  }

  public String getLogin() {
    return login;
  }

  public void setLogin(String login) {
    this.login = login;
  }

  public String getRequestedAt() {
    return requestedAt;
  }

  public void setRequestedAt(String requestedAt) {
    this.requestedAt = requestedAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CreateIntent that && Objects.equals(login, that.login) && Objects.equals(requestedAt, that.requestedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(login, requestedAt);
  }
}
