package org.acolhida.staff;

/**
 * Published when the application creates a group while enrolling staff, e.g. the first housing worker
 * of a unit makes {@code housing.SOR-CRAS-NORTE}: features that keep something per workgroup (its task
 * list) catch up. Groups made in Camunda Admin are not announced; those features look for them too.
 *
 * @param groupId the new group's id
 */
public record GroupCreated(String groupId) {
}
