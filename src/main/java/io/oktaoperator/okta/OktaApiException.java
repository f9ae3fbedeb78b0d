package io.oktaoperator.okta;

/**
 * Okta returned an error status. Subclasses name the cases the operator handles differently;
 * this class itself covers the rest (403, 405, other 4xx).
 */
public class OktaApiException extends OktaException {

  private final int httpStatus;
  private final OktaError error;

  public OktaApiException(String operation, int httpStatus, OktaError error) {
    this(httpStatus, error, describe(operation, httpStatus, error));
  }

  /** For subclasses that write their own message, such as a request the client rejected before sending. */
  protected OktaApiException(int httpStatus, OktaError error, String message) {
    super(message, null);
    this.httpStatus = httpStatus;
    this.error = error;
  }

  static String describe(String operation, int httpStatus, OktaError error) {
    StringBuilder message = new StringBuilder();
    message.append(operation).append(" failed: HTTP ").append(httpStatus);
    if (error.errorCode() != null) {
      message.append(' ').append(error.errorCode());
    }
    if (error.errorSummary() != null) {
      message.append(' ').append(error.errorSummary());
    }
    if (!error.errorCauses().isEmpty()) {
      message.append(" (").append(String.join("; ", error.errorCauses())).append(')');
    }
    if (error.errorId() != null) {
      message.append(" [errorId ").append(error.errorId()).append(']');
    }
    return message.toString();
  }

  public int httpStatus() {
    return httpStatus;
  }

  public OktaError error() {
    return error;
  }

  public String errorCode() {
    return error.errorCode();
  }
}
