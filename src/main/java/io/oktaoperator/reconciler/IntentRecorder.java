package io.oktaoperator.reconciler;

import io.oktaoperator.api.v1alpha1.CreateIntent;

/** Persists a create intent in the resource's status before the create call is sent. */
@FunctionalInterface
interface IntentRecorder {

  void record(CreateIntent intent);
}
