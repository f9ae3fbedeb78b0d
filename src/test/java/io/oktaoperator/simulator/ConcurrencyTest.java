package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests from several threads at once, as the operator's reconcile threads send them. */
class ConcurrencyTest {

  private static final int THREADS = 16;

  private OktaSimulator simulator;
  private SimulatorClient client;
  private ExecutorService executor;

  @BeforeEach
  void start() {
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").build());
    client = new SimulatorClient(simulator);
    executor = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stop() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
    simulator.close();
  }

  @Test
  void concurrentCreatesOfSameLoginCreateOneUser() {
    List<Integer> statuses =
        runConcurrently(i -> client.post("/api/v1/users", TestUsers.createBody("Jane.Doe" + "@example.com")).status());

    assertEquals(1, statuses.stream().filter(status -> status == 200).count());
    assertEquals(THREADS - 1, statuses.stream().filter(status -> status == 400).count());
    assertEquals(1, simulator.users().size());
  }

  @Test
  void concurrentCreatesGetDistinctIds() {
    List<String> ids =
        runConcurrently(
            i -> client.post("/api/v1/users", TestUsers.createBody("user" + i + "@example.com")).body().get("id").asText());

    Set<String> distinct = new HashSet<>(ids);
    assertEquals(THREADS, distinct.size());
    assertEquals(THREADS, simulator.users().size());
  }

  @Test
  void concurrentLifecycleCallsApplyOnce() {
    String id = client.post("/api/v1/users", TestUsers.createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    List<Integer> statuses = runConcurrently(i -> client.post("/api/v1/users/" + id + "/lifecycle/suspend").status());

    assertEquals(1, statuses.stream().filter(status -> status == 200).count());
    assertEquals(THREADS - 1, statuses.stream().filter(status -> status == 400).count());
  }

  private interface Call<T> {
    T run(int index);
  }

  /** Starts all calls at the same moment and returns their results in index order. */
  private <T> List<T> runConcurrently(Call<T> call) {
    CountDownLatch startSignal = new CountDownLatch(1);
    List<CompletableFuture<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int index = i;
      futures.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  startSignal.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
                return call.run(index);
              },
              executor));
    }
    startSignal.countDown();
    return futures.stream().map(future -> future.orTimeout(10, TimeUnit.SECONDS).join()).toList();
  }
}
