package io.oktaoperator.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Signal that the simulator is stopping. Requests held by latency or timeout faults wait on it, so
 * {@link OktaSimulator#close()} ends them at once instead of waiting for their hold to pass.
 */
final class StopSignal {

  private final CountDownLatch stopping = new CountDownLatch(1);

  void stop() {
    stopping.countDown();
  }

  boolean isStopping() {
    return stopping.getCount() == 0;
  }

  /**
   * Waits for the given time, or less if the simulator stops or the thread is interrupted.
   *
   * @return true if the full time passed, false if the wait ended early
   */
  boolean pause(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return !isStopping();
    }
    try {
      return !stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
