package io.oktaoperator.simulator;

import java.time.Instant;

/**
 * An admin role assigned to a user, as {@code GET /api/v1/users/{id}/roles} lists it.
 *
 * @param id role assignment id, such as {@code ra1...} (20 characters)
 * @param type Okta role type, such as {@code SUPER_ADMIN}
 * @param label display name of the role, such as {@code Super Administrator}
 * @param status {@code ACTIVE}, the only status the simulator gives
 * @param created time of the assignment
 * @param lastUpdated time of the last change to the assignment
 */
public record AdminRoleAssignment(
    String id, String type, String label, String status, Instant created, Instant lastUpdated) {}
