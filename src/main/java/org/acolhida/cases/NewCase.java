package org.acolhida.cases;

/**
 * What opening a case needs: the receiving unit (an entry door of the directory), the reference
 * person, the district of residence and whether an interpreter is needed.
 */
public record NewCase(String unitCode, NewPerson referencePerson, String district, boolean interpreterNeeded) {
}
