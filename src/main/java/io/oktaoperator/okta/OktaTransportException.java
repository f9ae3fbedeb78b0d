package io.oktaoperator.okta;

/** Okta could not be reached or did not answer in time (connection refused, timeout, TLS failure). */
public final class OktaTransportException extends OktaException {

  public OktaTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
