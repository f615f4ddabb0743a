package dev.meshctl.engine.live;

import java.util.Optional;

/**
 * One route in a controller's table ({@code GET /routes}).
 *
 * @param id the controller's route ID, from the entry's {@code id}: the keys of the route map are
 *     positions in the table, not IDs
 * @param editable false for system and learned routes, which nobody may delete
 */
public record LiveRoute(
    String id,
    String cidr,
    Optional<String> gateway,
    Optional<String> iface,
    boolean advertise,
    int metric,
    String description,
    boolean enabled,
    boolean editable) {}
