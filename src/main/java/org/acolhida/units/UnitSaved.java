package org.acolhida.units;

/**
 * Published inside the transaction that saves a unit through the directory (create, change,
 * (de)activation), before it commits. A listener that finds the change inconsistent with what
 * it keeps about the unit (e.g. fewer seats than learners hold) throws: the save is rolled back
 * and the caller gets the listener's exception (an {@code InvalidInputException} becomes a 400).
 *
 * @param unitId the unit's database id
 * @param code the unit's code
 * @param kind the unit's kind after the save
 * @param classSeats the seats of its literacy class, or {@code null} if it is not (or no longer) a class
 */
public record UnitSaved(long unitId, String code, UnitKind kind, Integer classSeats) {
}
