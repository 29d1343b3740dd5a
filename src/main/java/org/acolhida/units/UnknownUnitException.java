package org.acolhida.units;

/** A unit code that is not in the directory: a fault in the caller, not a business outcome. */
public class UnknownUnitException extends RuntimeException {

	private final String code;

	public UnknownUnitException(String code) {
		super("No service unit with code '" + code + "' in the directory");
		this.code = code;
	}

	public String getCode() {
		return code;
	}

}
