package io.oktaoperator.reconciler;

import io.oktaoperator.okta.OktaAccount;
import java.time.Duration;

/**
 * The result of one pass of read, decide and act.
 *
 * @param account the Okta user as last seen, or null when none exists
 * @param bookkeeping what to remember in the status
 * @param outcome the conditions to report
 * @param requeueAfter when to reconcile again, or null to wait for a change of the resource
 */
record SyncResult(OktaAccount account, StatusFactory.Bookkeeping bookkeeping, Outcome outcome, Duration requeueAfter) {}
