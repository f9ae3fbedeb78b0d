package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The desired Okta user: profile, lifecycle state, credentials and deletion behaviour. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.nextLogin) || (has(self.credentials) && has(self.credentials.passwordSecretRef))",
    message = "spec.nextLogin needs a password: set spec.credentials.passwordSecretRef",
    fieldPath = ".nextLogin",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "!has(self.nextLogin) || !has(self.state) || self.state == 'Active'",
    message = "spec.nextLogin applies only to a user activated on create: set spec.state to Active",
    fieldPath = ".nextLogin")
public class OktaUserSpec {

  @Required
  @JsonPropertyDescription(
      "Okta profile. Standard attributes are typed; any other key is sent to Okta as a custom"
          + " attribute. Only the attributes named here are managed by the operator.")
  private OktaUserProfile profile;

  @Default("Active")
  @JsonPropertyDescription("Desired lifecycle state in Okta: Staged, Active, Suspended or Deprovisioned.")
  private UserState state = UserState.ACTIVE;

  @Default("false")
  @JsonPropertyDescription(
      "Whether Okta e-mails an activation link when the operator activates a user without a password.")
  private Boolean sendActivationEmail = Boolean.FALSE;

  @JsonPropertyDescription("Credentials set when the user is created, taken from Kubernetes Secrets.")
  private UserCredentials credentials;

  @JsonPropertyDescription(
      "ChangePassword makes the user change the password at first sign-in. Applied on create only; needs"
          + " spec.credentials.passwordSecretRef and spec.state Active.")
  private NextLogin nextLogin;

  @Default("false")
  @JsonPropertyDescription(
      "Take over an existing Okta user with the same login instead of stopping with LoginConflict. The"
          + " operator must allow adoption.")
  private Boolean adopt = Boolean.FALSE;

  @JsonPropertyDescription("One-shot requests, each run once for every new value.")
  private UserActions actions;

  @Default("Delete")
  @JsonPropertyDescription(
      "What deleting this resource does in Okta: Delete (deactivate, then delete), Deactivate, or Orphan"
          + " (leave the user untouched).")
  private DeletionPolicy deletionPolicy = DeletionPolicy.DELETE;

  public OktaUserProfile getProfile() {
    return profile;
  }

  public void setProfile(OktaUserProfile profile) {
    this.profile = profile;
  }

  public UserState getState() {
    return state;
  }

  public void setState(UserState state) {
    this.state = state;
  }

  public Boolean getSendActivationEmail() {
    return sendActivationEmail;
  }

  public void setSendActivationEmail(Boolean sendActivationEmail) {
    this.sendActivationEmail = sendActivationEmail;
  }

  public UserCredentials getCredentials() {
    return credentials;
  }

  public void setCredentials(UserCredentials credentials) {
    this.credentials = credentials;
  }

  public NextLogin getNextLogin() {
    return nextLogin;
  }

  public void setNextLogin(NextLogin nextLogin) {
    this.nextLogin = nextLogin;
  }

  public Boolean getAdopt() {
    return adopt;
  }

  public void setAdopt(Boolean adopt) {
    this.adopt = adopt;
  }

  public UserActions getActions() {
    return actions;
  }

  public void setActions(UserActions actions) {
    this.actions = actions;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }
}
