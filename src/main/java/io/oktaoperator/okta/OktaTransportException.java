package io.oktaoperator.okta;

/**
 * Okta could not be reached or did not respond in time (connection refused, timeout, TLS failure), or
 * its response could not be used (a body that is not the documented JSON, a next link to another
 * host). After a connection failure or a timeout, the request may or may not have reached Okta.
 */
public final class OktaTransportException extends OktaException {

  public OktaTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
