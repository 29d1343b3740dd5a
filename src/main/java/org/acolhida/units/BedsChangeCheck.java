package org.acolhida.units;

/**
 * Told, inside the transaction that saves a unit, what its beds are now (0 for a unit that is not
 * a shelter), so that housing can keep its live capacity in step or refuse the change by throwing
 * {@link org.acolhida.system.InvalidInputException}; the unit's change is then rolled back with it.
 * Lets housing guard its beds without the directory depending on housing.
 */
public interface BedsChangeCheck {

	void bedsChanged(ServiceUnit unit);

}
