package org.acolhida.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict reader of RFC 4180 CSV for tests: CRLF between records, quoted fields with doubled quotes;
 * anything else (a bare quote inside an unquoted field, a lone LF outside quotes, text after a closing
 * quote) is an error, so that a test that reads a file with it also checks the file is well formed.
 */
public final class Rfc4180 {

	private Rfc4180() {
	}

	public static List<List<String>> parse(String csv) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		while (i < csv.length()) {
			char c = csv.charAt(i);
			if (c == '"' && field.isEmpty()) {
				i++;
				while (true) {
					if (i >= csv.length()) {
						throw new IllegalArgumentException("unterminated quoted field at " + i);
					}
					char q = csv.charAt(i);
					if (q == '"') {
						if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
							field.append('"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					field.append(q);
					i++;
				}
				if (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\r') {
					throw new IllegalArgumentException("text after a closing quote at " + i);
				}
				continue;
			}
			if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				i++;
			}
			else if (c == '\r') {
				if (i + 1 >= csv.length() || csv.charAt(i + 1) != '\n') {
					throw new IllegalArgumentException("CR without LF at " + i);
				}
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				i += 2;
			}
			else if (c == '\n' || c == '"') {
				throw new IllegalArgumentException("bare " + (c == '"' ? "quote" : "LF") + " at " + i);
			}
			else {
				field.append(c);
				i++;
			}
		}
		if (!field.isEmpty() || !record.isEmpty()) {
			throw new IllegalArgumentException("the last record does not end with CRLF");
		}
		return records;
	}

}
