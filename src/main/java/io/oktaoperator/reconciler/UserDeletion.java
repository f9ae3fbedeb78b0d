package io.oktaoperator.reconciler;

import io.oktaoperator.api.v1alpha1.DeletionPolicy;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.okta.OktaAccount;
import io.oktaoperator.okta.OktaClient;
import io.oktaoperator.okta.OktaNotFoundException;
import io.oktaoperator.okta.OktaStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies the deletion policy when an OktaUser is deleted: Delete deactivates, waits for
 * DEPROVISIONED, then deletes; Deactivate only deactivates; Orphan leaves the user. A user already
 * gone from Okta counts as done.
 */
final class UserDeletion {

  private static final Logger log = LoggerFactory.getLogger(UserDeletion.class);

  private final OktaClient okta;
  private final EventRecorder events;
  private final ReconcilerSettings settings;

  UserDeletion(OktaClient okta, EventRecorder events, ReconcilerSettings settings) {
    this.okta = okta;
    this.events = events;
    this.settings = settings;
  }

  /**
   * One step of the deletion.
   *
   * @param done true when the finalizer may be removed
   * @param account the Okta user as last seen, or null
   * @param outcome conditions to report while not done
   */
  record Step(boolean done, OktaAccount account, Outcome outcome, Duration requeueAfter) {

    static Step finished() {
      return new Step(true, null, null, null);
    }
  }

  Step delete(OktaUser resource) {
    DeletionPolicy policy = resource.getSpec() == null || resource.getSpec().getDeletionPolicy() == null
        ? DeletionPolicy.DELETE
        : resource.getSpec().getDeletionPolicy();
    String id = resource.getStatus() == null ? null : resource.getStatus().getId();
    if (id == null) {
      return Step.finished();
    }
    MDC.put(UserSync.MDC_OKTA_USER_ID, id);
    if (policy == DeletionPolicy.ORPHAN) {
      log.info("Left Okta user {} in place (deletionPolicy Orphan)", id);
      events.normal(resource, Reasons.ORPHANED, "Left Okta user " + id + " in Okta (deletionPolicy Orphan)");
      return Step.finished();
    }

    Optional<OktaAccount> found = okta.findUser(id);
    if (found.isEmpty()) {
      log.info("Okta user {} is already gone", id);
      return Step.finished();
    }
    OktaAccount account = found.get();
    OktaStatus status = OktaStatus.parse(account.status());
    if (account.transitioningToStatus() != null) {
      return new Step(
          false,
          account,
          new Outcome.Progressing(
              Reasons.DELETING, "Waiting for Okta to finish moving user " + id + " to " + account.transitioningToStatus()),
          settings.transitionPollInterval());
    }
    if (!settings.adminUsersAllowed()) {
      List<String> roles = okta.listAdminRoleTypes(id);
      if (!roles.isEmpty()) {
        // Blocking the deletion would strand the resource; leaving the administrator alone is safe.
        log.warn("Left Okta user {} in Okta because it has admin roles {}", id, roles);
        events.warning(resource, Reasons.ADMIN_USER_PROTECTED,
            "Left Okta user " + id + " in Okta because it holds admin roles " + roles
                + "; remove it in Okta if it should go");
        return Step.finished();
      }
    }
    if (status != OktaStatus.DEPROVISIONED) {
      okta.deactivate(id);
      log.info("Deactivated Okta user {} (deletionPolicy {})", id, policy);
      events.normal(resource, Reasons.DEACTIVATED, "Deactivated Okta user " + id);
      if (policy == DeletionPolicy.DEACTIVATE) {
        return Step.finished();
      }
      return new Step(
          false,
          account,
          new Outcome.Progressing(Reasons.DELETING, "Deactivated Okta user " + id + "; deleting it once it is DEPROVISIONED"),
          Duration.ZERO);
    }
    if (policy == DeletionPolicy.DEACTIVATE) {
      return Step.finished();
    }
    try {
      okta.delete(id);
    } catch (OktaNotFoundException e) {
      log.info("Okta user {} was deleted by someone else meanwhile", id);
      return Step.finished();
    }
    log.info("Deleted Okta user {}", id);
    events.normal(resource, Reasons.DELETED, "Deleted Okta user " + id);
    return Step.finished();
  }
}
