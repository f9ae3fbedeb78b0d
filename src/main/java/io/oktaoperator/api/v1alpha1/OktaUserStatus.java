package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The operator's observation of the Okta user and the progress of reconciling the resource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OktaUserStatus {

  @PrinterColumn(name = "Okta ID")
  @JsonPropertyDescription("Okta user id.")
  private String id;

  @PrinterColumn(name = "Okta Status")
  @JsonPropertyDescription("Okta's status of the user, verbatim (for example ACTIVE).")
  private String status;

  @JsonPropertyDescription("Status Okta is moving the user to while an asynchronous transition runs.")
  private String transitioningToStatus;

  @JsonPropertyDescription("When Okta created the user (RFC 3339).")
  private String created;

  @JsonPropertyDescription("When Okta last activated the user (RFC 3339).")
  private String activated;

  @JsonPropertyDescription("When the Okta status last changed (RFC 3339).")
  private String statusChanged;

  @JsonPropertyDescription("When the user last signed in (RFC 3339).")
  private String lastLogin;

  @JsonPropertyDescription("When Okta last changed the user (RFC 3339).")
  private String lastUpdated;

  @JsonPropertyDescription("When the password last changed (RFC 3339).")
  private String passwordChanged;

  @JsonPropertyDescription("The metadata.generation that the conditions describe.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, Reconciling and Stalled conditions (kstatus conventions).")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Profile attributes the operator set at the last successful reconcile; one removed from the spec is cleared in Okta.")
  private List<String> managedAttributes = new ArrayList<>();

  @JsonPropertyDescription("resourceVersion of the password Secret at the last password write; a new version sets the new password.")
  private String passwordSecretVersion;

  @JsonPropertyDescription("The value of each action at the time the operator last ran it.")
  private Map<String, String> handledActions;

  public Map<String, String> getHandledActions() {
    return handledActions;
  }

  public void setHandledActions(Map<String, String> handledActions) {
    this.handledActions = handledActions;
  }

  @JsonPropertyDescription("A create call sent but not yet confirmed; cleared once the Okta user id is recorded.")
  private CreateIntent createIntent;

  public CreateIntent getCreateIntent() {
    return createIntent;
  }

  public void setCreateIntent(CreateIntent createIntent) {
    this.createIntent = createIntent;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getTransitioningToStatus() {
    return transitioningToStatus;
  }

  public void setTransitioningToStatus(String transitioningToStatus) {
    this.transitioningToStatus = transitioningToStatus;
  }

  public String getCreated() {
    return created;
  }

  public void setCreated(String created) {
    this.created = created;
  }

  public String getActivated() {
    return activated;
  }

  public void setActivated(String activated) {
    this.activated = activated;
  }

  public String getStatusChanged() {
    return statusChanged;
  }

  public void setStatusChanged(String statusChanged) {
    this.statusChanged = statusChanged;
  }

  public String getLastLogin() {
    return lastLogin;
  }

  public void setLastLogin(String lastLogin) {
    this.lastLogin = lastLogin;
  }

  public String getLastUpdated() {
    return lastUpdated;
  }

  public void setLastUpdated(String lastUpdated) {
    this.lastUpdated = lastUpdated;
  }

  public String getPasswordChanged() {
    return passwordChanged;
  }

  public void setPasswordChanged(String passwordChanged) {
    this.passwordChanged = passwordChanged;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public List<String> getManagedAttributes() {
    return managedAttributes;
  }

  public void setManagedAttributes(List<String> managedAttributes) {
    this.managedAttributes = managedAttributes;
  }

  public String getPasswordSecretVersion() {
    return passwordSecretVersion;
  }

  public void setPasswordSecretVersion(String passwordSecretVersion) {
    this.passwordSecretVersion = passwordSecretVersion;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof OktaUserStatus that)) {
      return false;
    }
    return Objects.equals(id, that.id)
        && Objects.equals(status, that.status)
        && Objects.equals(transitioningToStatus, that.transitioningToStatus)
        && Objects.equals(created, that.created)
        && Objects.equals(activated, that.activated)
        && Objects.equals(statusChanged, that.statusChanged)
        && Objects.equals(lastLogin, that.lastLogin)
        && Objects.equals(lastUpdated, that.lastUpdated)
        && Objects.equals(passwordChanged, that.passwordChanged)
        && Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(conditions, that.conditions)
        && Objects.equals(managedAttributes, that.managedAttributes)
        && Objects.equals(passwordSecretVersion, that.passwordSecretVersion)
        && Objects.equals(createIntent, that.createIntent)
        && Objects.equals(handledActions, that.handledActions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, status, transitioningToStatus, created, activated, statusChanged, lastLogin, lastUpdated, passwordChanged, observedGeneration, conditions, managedAttributes, passwordSecretVersion, createIntent, handledActions);
  }
}
