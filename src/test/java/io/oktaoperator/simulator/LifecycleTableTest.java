package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every cell of the lifecycle table over HTTP: a user seeded in a status gets an operation, and the
 * test checks the resulting status, or the HTTP status and error code. Seeded STAGED and
 * PROVISIONED users have no password; all others have one.
 */
class LifecycleTableTest {

  private OktaSimulator simulator;
  private SimulatorClient client;

  @BeforeEach
  void start() {
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").build());
    client = new SimulatorClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    // from,           operation,   expected status, "deleted", or HTTP status and error code
    "STAGED,           activate,    PROVISIONED",
    "STAGED,           reactivate,  403 E0000038",
    "STAGED,           deactivate,  DEPROVISIONED",
    "STAGED,           suspend,     400 E0000001",
    "STAGED,           unsuspend,   400 E0000001",
    "STAGED,           unlock,      403 E0000032",
    "STAGED,           delete,      DEPROVISIONED",
    "PROVISIONED,      activate,    403 E0000016",
    "PROVISIONED,      reactivate,  PROVISIONED",
    "PROVISIONED,      deactivate,  DEPROVISIONED",
    "PROVISIONED,      suspend,     400 E0000001",
    "PROVISIONED,      unsuspend,   400 E0000001",
    "PROVISIONED,      unlock,      403 E0000032",
    "PROVISIONED,      delete,      DEPROVISIONED",
    "ACTIVE,           activate,    403 E0000016",
    "ACTIVE,           reactivate,  403 E0000038",
    "ACTIVE,           deactivate,  DEPROVISIONED",
    "ACTIVE,           suspend,     SUSPENDED",
    "ACTIVE,           unsuspend,   400 E0000001",
    "ACTIVE,           unlock,      ACTIVE",
    "ACTIVE,           delete,      DEPROVISIONED",
    "RECOVERY,         activate,    403 E0000016",
    "RECOVERY,         reactivate,  PROVISIONED",
    "RECOVERY,         deactivate,  DEPROVISIONED",
    "RECOVERY,         suspend,     400 E0000001",
    "RECOVERY,         unsuspend,   400 E0000001",
    "RECOVERY,         unlock,      403 E0000032",
    "RECOVERY,         delete,      DEPROVISIONED",
    "LOCKED_OUT,       activate,    403 E0000016",
    "LOCKED_OUT,       reactivate,  403 E0000038",
    "LOCKED_OUT,       deactivate,  DEPROVISIONED",
    "LOCKED_OUT,       suspend,     400 E0000001",
    "LOCKED_OUT,       unsuspend,   400 E0000001",
    "LOCKED_OUT,       unlock,      ACTIVE",
    "LOCKED_OUT,       delete,      DEPROVISIONED",
    "PASSWORD_EXPIRED, activate,    403 E0000016",
    "PASSWORD_EXPIRED, reactivate,  403 E0000038",
    "PASSWORD_EXPIRED, deactivate,  DEPROVISIONED",
    "PASSWORD_EXPIRED, suspend,     400 E0000001",
    "PASSWORD_EXPIRED, unsuspend,   400 E0000001",
    "PASSWORD_EXPIRED, unlock,      403 E0000032",
    "PASSWORD_EXPIRED, delete,      DEPROVISIONED",
    "SUSPENDED,        activate,    403 E0000016",
    "SUSPENDED,        reactivate,  403 E0000038",
    "SUSPENDED,        deactivate,  DEPROVISIONED",
    "SUSPENDED,        suspend,     400 E0000001",
    "SUSPENDED,        unsuspend,   ACTIVE",
    "SUSPENDED,        unlock,      403 E0000032",
    "SUSPENDED,        delete,      DEPROVISIONED",
    "DEPROVISIONED,    activate,    PROVISIONED",
    "DEPROVISIONED,    reactivate,  403 E0000038",
    "DEPROVISIONED,    deactivate,  403 E0000038",
    "DEPROVISIONED,    suspend,     400 E0000001",
    "DEPROVISIONED,    unsuspend,   400 E0000001",
    "DEPROVISIONED,    unlock,      403 E0000032",
    "DEPROVISIONED,    delete,      deleted",
  })
  void operationGivesStatusOrError(String from, String operation, String expected) {
    String id = simulator.outOfBand().createUser(TestUsers.profile("jane.doe@example.com"), from).id();

    SimulatorClient.Response response =
        operation.equals("delete")
            ? client.delete("/api/v1/users/" + id)
            : client.post("/api/v1/users/" + id + "/lifecycle/" + operation);

    if (expected.equals("deleted")) {
      assertEquals(204, response.status());
      assertEquals(404, client.get("/api/v1/users/" + id).status());
      assertTrue(simulator.findUser(id).isEmpty());
    } else if (expected.contains(" ")) {
      String[] statusAndCode = expected.split(" ");
      assertEquals(Integer.parseInt(statusAndCode[0]), response.status(), response.rawBody());
      assertEquals(statusAndCode[1], response.body().get("errorCode").asText());
      assertEquals(from, simulator.findUser(id).orElseThrow().status(), "a rejected operation changes nothing");
    } else {
      assertEquals(operation.equals("delete") ? 204 : 200, response.status(), response.rawBody());
      assertEquals(expected, simulator.findUser(id).orElseThrow().status());
      assertEquals(expected, client.get("/api/v1/users/" + id).body().get("status").asText());
    }
  }
}
