package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Credentials of the Okta user, each value read from a Kubernetes Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserCredentials {

  @JsonPropertyDescription(
      "Secret key holding the password. Set on create; a change of the Secret sets the new password.")
  private SecretKeyReference passwordSecretRef;

  @JsonPropertyDescription("Recovery question, with its answer read from a Secret. Set on create.")
  private RecoveryQuestion recoveryQuestion;

  public SecretKeyReference getPasswordSecretRef() {
    return passwordSecretRef;
  }

  public void setPasswordSecretRef(SecretKeyReference passwordSecretRef) {
    this.passwordSecretRef = passwordSecretRef;
  }

  public RecoveryQuestion getRecoveryQuestion() {
    return recoveryQuestion;
  }

  public void setRecoveryQuestion(RecoveryQuestion recoveryQuestion) {
    this.recoveryQuestion = recoveryQuestion;
  }
}
