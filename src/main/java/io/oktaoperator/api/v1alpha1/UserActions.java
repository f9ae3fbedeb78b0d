package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-shot requests. Each action runs once for every new value: set it to any string not used before
 * (a date or a ticket number) to run it again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserActions {

  public static final String EXPIRE_PASSWORD = "expirePassword";
  public static final String RESET_FACTORS = "resetFactors";
  public static final String UNLOCK = "unlock";

  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Expire the password, so the user must change it at the next sign-in.")
  private String expirePassword;

  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Remove every MFA factor the user enrolled.")
  private String resetFactors;

  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Unlock a LOCKED_OUT user. The operator never unlocks on its own.")
  private String unlock;

  /** Returns the requested actions by name, in the order they run, leaving out unset ones. */
  public Map<String, String> requested() {
    Map<String, String> requested = new LinkedHashMap<>();
    if (unlock != null) {
      requested.put(UNLOCK, unlock);
    }
    if (resetFactors != null) {
      requested.put(RESET_FACTORS, resetFactors);
    }
    if (expirePassword != null) {
      requested.put(EXPIRE_PASSWORD, expirePassword);
    }
    return requested;
  }

  public String getExpirePassword() {
    return expirePassword;
  }

  public void setExpirePassword(String expirePassword) {
    this.expirePassword = expirePassword;
  }

  public String getResetFactors() {
    return resetFactors;
  }

  public void setResetFactors(String resetFactors) {
    this.resetFactors = resetFactors;
  }

  public String getUnlock() {
    return unlock;
  }

  public void setUnlock(String unlock) {
    this.unlock = unlock;
  }
}
