package org.acolhida.monthlyreport;

import java.time.YearMonth;
import java.util.List;

import org.acolhida.units.ServiceUnit;

/**
 * What one kind of entry door reports each month, counted from its cases: the RMA of a Brazilian
 * CRAS or CREAS, or an Italian desk's activity summary. The monthly-report protocol finds the count
 * for a unit among these beans, so a new report is a new bean and no change to the protocol.
 */
public interface MonthlyCount {

	/** The report's stable name, e.g. {@code rma-cras}; it names the report in the API and in texts. */
	String report();

	/** Whether this is the report the given unit sends (by its kind and country). */
	boolean reportsFor(ServiceUnit unit);

	/** Every item of the report, in its official order, counted for the unit and calendar month. */
	List<Figure> count(ServiceUnit unit, YearMonth month);

}
