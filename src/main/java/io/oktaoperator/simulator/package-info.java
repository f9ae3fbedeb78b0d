/**
 * In-memory simulator of Okta's Users API ({@code /api/v1/users}) for tests and local development.
 *
 * <p>{@link io.oktaoperator.simulator.OktaSimulator} serves create, get, list and search, partial
 * update and full replace, every lifecycle and credential operation of a user, session revocation,
 * the user's admin roles, and the two-step delete. Responses follow Okta's status codes, error bodies, Link pagination and
 * rate-limit headers. Activation and deactivation can take a configurable time, during which users
 * show {@code transitioningToStatus}. {@link io.oktaoperator.simulator.OutOfBandChanges} makes the
 * changes that an end user, another admin or a policy would make in a real org, and
 * {@link io.oktaoperator.simulator.Faults} injects latency, 5xx responses, timeouts, 429s and dropped
 * connections. An admin API under {@code /__simulator} offers both over HTTP.
 *
 * <p>Tokens carry OAuth scopes, checked per operation; DPoP proofs are not verified. Rate limits
 * follow an Okta plan's per-minute buckets, the share of a bucket per token, and the concurrency
 * limit.
 *
 * <p>The package depends on the JDK, Jackson and SLF4J only, so it can run apart from the operator.
 */
package io.oktaoperator.simulator;
