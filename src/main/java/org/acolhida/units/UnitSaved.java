package org.acolhida.units;

/**
 * Published inside the transaction that saves a unit through the directory (create, change,
 * (de)activation), before it commits. A listener that finds the change inconsistent with what it
 * keeps about the unit (fewer beds than are in use, fewer seats than learners hold) throws: the save
 * is rolled back and the caller gets the listener's exception (an {@code InvalidInputException}
 * becomes a 400). Lets housing and literacy guard their live counts without the directory depending
 * on them.
 *
 * @param unit the unit as saved
 */
public record UnitSaved(ServiceUnit unit) {
}
