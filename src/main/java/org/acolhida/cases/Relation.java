package org.acolhida.cases;

/** How a household member relates to the reference person. */
public enum Relation {
	REFERENCE_PERSON, SPOUSE, CHILD, PARENT, SIBLING, OTHER_RELATIVE, OTHER
}
