package org.acolhida.diagnosis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The diagnosis as an Office Open XML workbook (.xlsx), one sheet per table: a header row, then text
 * as inline strings and figures as numbers. Written here rather than with Apache POI: plain sheets of
 * text and numbers are five small XML files in a zip, and POI with its XML and compression libraries
 * would add some 15 MB to the application for them. Text is always an inline string, never a formula,
 * so nothing typed at a desk ("=HYPERLINK(...)") runs in the spreadsheet.
 */
final class XlsxWriter {

	private XlsxWriter() {
	}

	static byte[] write(List<Table> tables) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			StringBuilder types = new StringBuilder("""
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
					<Default Extension="xml" ContentType="application/xml"/>\
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
			StringBuilder sheets = new StringBuilder();
			StringBuilder relations = new StringBuilder();
			for (int i = 1; i <= tables.size(); i++) {
				types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"")
					.append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
				sheets.append("<sheet name=\"").append(escape(sheetName(tables.get(i - 1).id()))).append("\" sheetId=\"")
					.append(i).append("\" r:id=\"rId").append(i).append("\"/>");
				relations.append("<Relationship Id=\"rId").append(i)
					.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"")
					.append(" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
			}
			types.append("</Types>");
			entry(zip, "[Content_Types].xml", types.toString());
			entry(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
					</Relationships>""");
			entry(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>%s</sheets></workbook>"""
				.formatted(sheets));
			entry(zip, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>"""
				.formatted(relations));
			for (int i = 1; i <= tables.size(); i++) {
				entry(zip, "xl/worksheets/sheet" + i + ".xml", sheet(tables.get(i - 1)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static String sheet(Table table) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
		row(xml, 1, DiagnosisCsv.header(table).toArray());
		int r = 2;
		for (Table.Row row : table.rows()) {
			row(xml, r++, DiagnosisCsv.cells(row));
		}
		return xml.append("</sheetData></worksheet>").toString();
	}

	private static void row(StringBuilder xml, int r, Object[] cells) {
		xml.append("<row r=\"").append(r).append("\">");
		for (int c = 0; c < cells.length; c++) {
			Object value = cells[c];
			if (value == null) {
				continue;
			}
			String ref = column(c) + r;
			if (value instanceof Number number) {
				xml.append("<c r=\"").append(ref).append("\"><v>").append(number).append("</v></c>");
			}
			else {
				xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
					.append(escape(value.toString())).append("</t></is></c>");
			}
		}
		xml.append("</row>");
	}

	/** A, B, ... Z, AA, AB ... */
	static String column(int index) {
		StringBuilder name = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			name.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return name.toString();
	}

	/** Sheet names may not hold []:*?/\ and have at most 31 characters. */
	static String sheetName(String id) {
		String name = id.replaceAll("[\\[\\]:*?/\\\\]", "-");
		return name.length() > 31 ? name.substring(0, 31) : name;
	}

	/** XML text, without the control characters XML 1.0 cannot hold. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				default -> {
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
