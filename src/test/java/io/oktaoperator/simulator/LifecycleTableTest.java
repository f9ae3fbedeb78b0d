package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every cell of the lifecycle table over HTTP: a user seeded in a status gets an operation, and the
 * test checks the resulting status, or the HTTP status and error code. Before the operation, every
 * user except a DEPROVISIONED one gets a password and a recovery question through a partial update,
 * so the cells show what the status allows. CredentialOperationTest covers users without them.
 */
class LifecycleTableTest {

  private static final String NEW_PASSWORD = "N3w-Secret-Pass";
  private static final String ANSWER = "Annie Oakley";

  /** Bodies of the credential operations that take one; the others are body-less POSTs. */
  private static final Map<String, String> BODIES =
      Map.of(
          "change_password",
          "{\"oldPassword\":{\"value\":\"" + TestUsers.PASSWORD + "\"},\"newPassword\":{\"value\":\"" + NEW_PASSWORD + "\"}}",
          "change_recovery_question",
          "{\"password\":{\"value\":\"" + TestUsers.PASSWORD + "\"},"
              + "\"recovery_question\":{\"question\":\"Favourite colour?\",\"answer\":\"Blue, no yellow\"}}",
          "forgot_password_recovery_question",
          "{\"password\":{\"value\":\"" + NEW_PASSWORD + "\"},\"recovery_question\":{\"answer\":\"" + ANSWER + "\"}}");

  // One simulator for all cells, which keeps the 120 cases fast; each case has its own user.
  private static OktaSimulator simulator;
  private static SimulatorClient client;
  private static final AtomicInteger USER_NUMBER = new AtomicInteger();

  @BeforeAll
  static void start() {
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").build());
    client = new SimulatorClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    // from,           operation,                          expected status, "deleted", or HTTP status and error code
    "STAGED,            activate,                           ACTIVE",
    "STAGED,            reactivate,                         403 E0000038",
    "STAGED,            deactivate,                         DEPROVISIONED",
    "STAGED,            suspend,                            400 E0000001",
    "STAGED,            unsuspend,                          400 E0000001",
    "STAGED,            unlock,                             403 E0000032",
    "STAGED,            expire_password,                    403 E0000038",
    "STAGED,            expire_password_with_temp_password, 403 E0000038",
    "STAGED,            reset_password,                     403 E0000017",
    "STAGED,            reset_factors,                      403 E0000038",
    "STAGED,            forgot_password,                    403 E0000034",
    "STAGED,            forgot_password_recovery_question,  403 E0000034",
    "STAGED,            change_password,                    STAGED",
    "STAGED,            change_recovery_question,           STAGED",
    "STAGED,            delete,                             DEPROVISIONED",
    "PROVISIONED,       activate,                           403 E0000016",
    "PROVISIONED,       reactivate,                         PROVISIONED",
    "PROVISIONED,       deactivate,                         DEPROVISIONED",
    "PROVISIONED,       suspend,                            400 E0000001",
    "PROVISIONED,       unsuspend,                          400 E0000001",
    "PROVISIONED,       unlock,                             403 E0000032",
    "PROVISIONED,       expire_password,                    403 E0000038",
    "PROVISIONED,       expire_password_with_temp_password, 403 E0000038",
    "PROVISIONED,       reset_password,                     RECOVERY",
    "PROVISIONED,       reset_factors,                      403 E0000038",
    "PROVISIONED,       forgot_password,                    403 E0000034",
    "PROVISIONED,       forgot_password_recovery_question,  403 E0000034",
    "PROVISIONED,       change_password,                    403 E0000035",
    "PROVISIONED,       change_recovery_question,           403 E0000036",
    "PROVISIONED,       delete,                             DEPROVISIONED",
    "ACTIVE,            activate,                           403 E0000016",
    "ACTIVE,            reactivate,                         403 E0000038",
    "ACTIVE,            deactivate,                         DEPROVISIONED",
    "ACTIVE,            suspend,                            SUSPENDED",
    "ACTIVE,            unsuspend,                          400 E0000001",
    "ACTIVE,            unlock,                             ACTIVE",
    "ACTIVE,            expire_password,                    PASSWORD_EXPIRED",
    "ACTIVE,            expire_password_with_temp_password, PASSWORD_EXPIRED",
    "ACTIVE,            reset_password,                     RECOVERY",
    "ACTIVE,            reset_factors,                      ACTIVE",
    "ACTIVE,            forgot_password,                    ACTIVE",
    "ACTIVE,            forgot_password_recovery_question,  ACTIVE",
    "ACTIVE,            change_password,                    ACTIVE",
    "ACTIVE,            change_recovery_question,           ACTIVE",
    "ACTIVE,            delete,                             DEPROVISIONED",
    "RECOVERY,          activate,                           403 E0000016",
    "RECOVERY,          reactivate,                         PROVISIONED",
    "RECOVERY,          deactivate,                         DEPROVISIONED",
    "RECOVERY,          suspend,                            400 E0000001",
    "RECOVERY,          unsuspend,                          400 E0000001",
    "RECOVERY,          unlock,                             403 E0000032",
    "RECOVERY,          expire_password,                    403 E0000038",
    "RECOVERY,          expire_password_with_temp_password, 403 E0000038",
    "RECOVERY,          reset_password,                     RECOVERY",
    "RECOVERY,          reset_factors,                      RECOVERY",
    "RECOVERY,          forgot_password,                    403 E0000034",
    "RECOVERY,          forgot_password_recovery_question,  403 E0000034",
    "RECOVERY,          change_password,                    ACTIVE",
    "RECOVERY,          change_recovery_question,           RECOVERY",
    "RECOVERY,          delete,                             DEPROVISIONED",
    "LOCKED_OUT,        activate,                           403 E0000016",
    "LOCKED_OUT,        reactivate,                         403 E0000038",
    "LOCKED_OUT,        deactivate,                         DEPROVISIONED",
    "LOCKED_OUT,        suspend,                            400 E0000001",
    "LOCKED_OUT,        unsuspend,                          400 E0000001",
    "LOCKED_OUT,        unlock,                             ACTIVE",
    "LOCKED_OUT,        expire_password,                    PASSWORD_EXPIRED",
    "LOCKED_OUT,        expire_password_with_temp_password, PASSWORD_EXPIRED",
    "LOCKED_OUT,        reset_password,                     RECOVERY",
    "LOCKED_OUT,        reset_factors,                      LOCKED_OUT",
    "LOCKED_OUT,        forgot_password,                    403 E0000034",
    "LOCKED_OUT,        forgot_password_recovery_question,  403 E0000034",
    "LOCKED_OUT,        change_password,                    403 E0000035",
    "LOCKED_OUT,        change_recovery_question,           403 E0000036",
    "LOCKED_OUT,        delete,                             DEPROVISIONED",
    "PASSWORD_EXPIRED,  activate,                           403 E0000016",
    "PASSWORD_EXPIRED,  reactivate,                         403 E0000038",
    "PASSWORD_EXPIRED,  deactivate,                         DEPROVISIONED",
    "PASSWORD_EXPIRED,  suspend,                            400 E0000001",
    "PASSWORD_EXPIRED,  unsuspend,                          400 E0000001",
    "PASSWORD_EXPIRED,  unlock,                             403 E0000032",
    "PASSWORD_EXPIRED,  expire_password,                    PASSWORD_EXPIRED",
    "PASSWORD_EXPIRED,  expire_password_with_temp_password, PASSWORD_EXPIRED",
    "PASSWORD_EXPIRED,  reset_password,                     RECOVERY",
    "PASSWORD_EXPIRED,  reset_factors,                      PASSWORD_EXPIRED",
    "PASSWORD_EXPIRED,  forgot_password,                    403 E0000034",
    "PASSWORD_EXPIRED,  forgot_password_recovery_question,  403 E0000034",
    "PASSWORD_EXPIRED,  change_password,                    ACTIVE",
    "PASSWORD_EXPIRED,  change_recovery_question,           403 E0000036",
    "PASSWORD_EXPIRED,  delete,                             DEPROVISIONED",
    "SUSPENDED,         activate,                           403 E0000016",
    "SUSPENDED,         reactivate,                         403 E0000038",
    "SUSPENDED,         deactivate,                         DEPROVISIONED",
    "SUSPENDED,         suspend,                            400 E0000001",
    "SUSPENDED,         unsuspend,                          ACTIVE",
    "SUSPENDED,         unlock,                             403 E0000032",
    "SUSPENDED,         expire_password,                    403 E0000038",
    "SUSPENDED,         expire_password_with_temp_password, 403 E0000038",
    "SUSPENDED,         reset_password,                     403 E0000017",
    "SUSPENDED,         reset_factors,                      SUSPENDED",
    "SUSPENDED,         forgot_password,                    403 E0000034",
    "SUSPENDED,         forgot_password_recovery_question,  403 E0000034",
    "SUSPENDED,         change_password,                    403 E0000035",
    "SUSPENDED,         change_recovery_question,           403 E0000036",
    "SUSPENDED,         delete,                             DEPROVISIONED",
    "DEPROVISIONED,     activate,                           PROVISIONED",
    "DEPROVISIONED,     reactivate,                         403 E0000038",
    "DEPROVISIONED,     deactivate,                         403 E0000038",
    "DEPROVISIONED,     suspend,                            400 E0000001",
    "DEPROVISIONED,     unsuspend,                          400 E0000001",
    "DEPROVISIONED,     unlock,                             403 E0000032",
    "DEPROVISIONED,     expire_password,                    403 E0000038",
    "DEPROVISIONED,     expire_password_with_temp_password, 403 E0000038",
    "DEPROVISIONED,     reset_password,                     403 E0000017",
    "DEPROVISIONED,     reset_factors,                      403 E0000038",
    "DEPROVISIONED,     forgot_password,                    403 E0000034",
    "DEPROVISIONED,     forgot_password_recovery_question,  403 E0000034",
    "DEPROVISIONED,     change_password,                    403 E0000035",
    "DEPROVISIONED,     change_recovery_question,           403 E0000036",
    "DEPROVISIONED,     delete,                             deleted",
  })
  void operationGivesStatusOrError(String from, String operation, String expected) {
    String login = "user" + USER_NUMBER.incrementAndGet() + "@example.com";
    String id = simulator.outOfBand().createUser(TestUsers.profile(login), from).id();
    if (!from.equals("DEPROVISIONED")) {
      giveCredentials(id);
    }

    SimulatorClient.Response response = send(id, operation);

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

  private SimulatorClient.Response send(String id, String operation) {
    if (operation.equals("delete")) {
      return client.delete("/api/v1/users/" + id);
    }
    String group = operation.startsWith("forgot_") || operation.startsWith("change_") ? "credentials" : "lifecycle";
    String path = "/api/v1/users/" + id + "/" + group + "/" + operation;
    String body = BODIES.get(operation);
    return body == null ? client.post(path) : client.post(path, body);
  }

  private void giveCredentials(String id) {
    String body =
        "{\"credentials\":{\"password\":{\"value\":\"" + TestUsers.PASSWORD + "\"},"
            + "\"recovery_question\":{\"question\":\"Who's a major player in the cowboy scene?\",\"answer\":\""
            + ANSWER + "\"}}}";
    SimulatorClient.Response response = client.post("/api/v1/users/" + id, body);
    assertEquals(200, response.status(), response.rawBody());
  }
}
