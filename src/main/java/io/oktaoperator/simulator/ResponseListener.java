package io.oktaoperator.simulator;

/**
 * Receives each response of an {@link OktaSimulator} just before it is sent, for tests that check
 * every response, such as against Okta's OpenAPI description. Register one with {@link
 * OktaSimulator#addResponseListener}; without any, the simulator builds no {@link SentResponse}.
 *
 * <p>Calls come from the simulator's request threads, several at a time, so implementations must
 * be thread-safe and quick. An exception thrown here is logged and does not change the response.
 */
@FunctionalInterface
public interface ResponseListener {

  void onResponse(SentResponse response);
}
