package org.acolhida.literacy;

import java.time.Period;

import org.acolhida.expressions.ExposedToProtocols;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The enrolment process's timings and age limits, from {@code acolhida.literacy.*}: how long after
 * enrolment (and after each follow-up call) the coordinator confirms attendance
 * ({@code ${literacySettings.attendanceCheck}}), how often a waiting learner's instance looks at the
 * waitlist again ({@code ${literacySettings.waitlistRecheck}}), and which ages go to school rather
 * than to an adults' class.
 */
@ExposedToProtocols
@Component("literacySettings")
public class LiteracySettings {

	private final String attendanceCheck;

	private final String waitlistRecheck;

	private final int schoolAgeFrom;

	private final int schoolAgeTo;

	LiteracySettings(@Value("${acolhida.literacy.attendance-check:P7D}") String attendanceCheck,
			@Value("${acolhida.literacy.waitlist-recheck:P7D}") String waitlistRecheck,
			@Value("${acolhida.literacy.school-age-from:6}") int schoolAgeFrom,
			@Value("${acolhida.literacy.school-age-to:17}") int schoolAgeTo) {
		// fail at startup, not at the first timer, on a bad setting
		Period.parse(attendanceCheck);
		Period.parse(waitlistRecheck);
		if (schoolAgeFrom < 0 || schoolAgeTo < schoolAgeFrom) {
			throw new IllegalArgumentException("acolhida.literacy.school-age-from/to: 0 <= from <= to, not "
					+ schoolAgeFrom + ".." + schoolAgeTo);
		}
		this.attendanceCheck = attendanceCheck;
		this.waitlistRecheck = waitlistRecheck;
		this.schoolAgeFrom = schoolAgeFrom;
		this.schoolAgeTo = schoolAgeTo;
	}

	/** ISO 8601 period after which the coordinator confirms attendance, e.g. P7D. */
	public String getAttendanceCheck() {
		return attendanceCheck;
	}

	/** ISO 8601 period between two looks at the waitlist by a waiting learner's instance. */
	public String getWaitlistRecheck() {
		return waitlistRecheck;
	}

	/** Whether a person of this age goes to school (referred to the district's school). */
	public boolean isSchoolAge(int age) {
		return age >= schoolAgeFrom && age <= schoolAgeTo;
	}

	/** Whether a person of this age is a learner at all: younger children have neither school nor class. */
	public boolean isLearnerAge(int age) {
		return age >= schoolAgeFrom;
	}

}
