package io.oktaoperator.okta;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client for Okta's Users API (one instance per Okta org, shared by all reconciles). Every call has a
 * connect and a read timeout; every failure surfaces as an {@link OktaException} subclass.
 */
public final class OktaClient implements AutoCloseable {

  private OktaClient(Builder builder) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The org's base URL, such as {@code https://acme.okta.com}. */
  public URI orgUrl() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Creates a user: {@code POST /api/v1/users?activate={activate}}.
   *
   * @param activate true to activate as part of creation (Okta's default), false to leave it STAGED
   */
  public OktaAccount createUser(NewUser user, boolean activate) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Reads a user by id or login: {@code GET /api/v1/users/{idOrLogin}}; empty on 404. */
  public Optional<OktaAccount> findUser(String idOrLogin) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Lists users matching a search expression, following every {@code Link rel="next"}: {@code GET
   * /api/v1/users?search={expression}&limit={pageSize}}. Search results include DEPROVISIONED users.
   */
  public List<OktaAccount> searchUsers(String expression, int pageSize) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Changes only the given profile attributes: {@code POST /api/v1/users/{id}} with {@code
   * {"profile": changes}}. A null value is sent as JSON null and clears that attribute.
   */
  public OktaAccount updateProfile(String id, Map<String, Object> changes) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Sets the password administratively: {@code POST /api/v1/users/{id}} with {@code credentials.password}. */
  public OktaAccount setPassword(String id, SecretValue password) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/activate?sendEmail={sendEmail}}; the activation token is discarded. */
  public void activate(String id, boolean sendEmail) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/reactivate?sendEmail={sendEmail}}; the token is discarded. */
  public void reactivate(String id, boolean sendEmail) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/deactivate}. Asynchronous in Okta. */
  public void deactivate(String id) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/suspend}. */
  public void suspend(String id) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/unsuspend}. */
  public void unsuspend(String id) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/unlock}. */
  public void unlock(String id) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * {@code DELETE /api/v1/users/{id}}. On a user that is not DEPROVISIONED, Okta deactivates it; on a
   * DEPROVISIONED user it deletes it permanently.
   */
  public void delete(String id) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void close() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Settings of an {@link OktaClient}. */
  public static final class Builder {

    private URI orgUrl;
    private SecretValue apiToken;
    private boolean allowInsecureLoopback;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /** Okta org URL; must be https unless {@link #allowInsecureLoopback} is set and the host is loopback. */
    public Builder orgUrl(URI orgUrl) {
      this.orgUrl = orgUrl;
      return this;
    }

    /** API token sent as {@code Authorization: SSWS <token>}. */
    public Builder apiToken(SecretValue apiToken) {
      this.apiToken = apiToken;
      return this;
    }

    /** Allows plain http, and only to a loopback address such as a local Okta simulator. */
    public Builder allowInsecureLoopback(boolean allow) {
      this.allowInsecureLoopback = allow;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException when the URL is missing, not https (outside the loopback
     *     exception), or the token is missing or blank
     */
    public OktaClient build() {
      return new OktaClient(this);
    }
  }
}
