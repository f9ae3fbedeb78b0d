package io.oktaoperator.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects the responses of every simulator that the simulator tests start, while a capture runs.
 * {@link SimulatorClient} attaches each simulator it is built for, so a test that talks to a
 * simulator through it, or beside it with another client, has all responses of that simulator
 * collected. Outside {@link #capture} the attached listeners drop what they receive.
 *
 * <p>Only one capture runs at a time in a JVM.
 */
final class ResponseCapture {

  private static final AtomicReference<ConcurrentLinkedQueue<SentResponse>> ACTIVE = new AtomicReference<>();

  private static final ResponseListener LISTENER =
      response -> {
        ConcurrentLinkedQueue<SentResponse> sink = ACTIVE.get();
        if (sink != null) {
          sink.add(response);
        }
      };

  private ResponseCapture() {}

  /** Makes the simulator's responses part of any capture; attaching a simulator again has no further effect. */
  static void attach(OktaSimulator simulator) {
    simulator.removeResponseListener(LISTENER);
    simulator.addResponseListener(LISTENER);
  }

  /**
   * Runs {@code action} and returns the responses that attached simulators sent meanwhile, in the
   * order they were sent.
   *
   * @throws IllegalStateException if another capture is running
   */
  static List<SentResponse> capture(Runnable action) {
    ConcurrentLinkedQueue<SentResponse> sink = new ConcurrentLinkedQueue<>();
    if (!ACTIVE.compareAndSet(null, sink)) {
      throw new IllegalStateException("Another response capture is already running");
    }
    try {
      action.run();
    } finally {
      ACTIVE.set(null);
    }
    return new ArrayList<>(sink);
  }
}
