package org.acolhida.papers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Lays a {@link Paper} out on A4 pages: the person's language in one column, the staff's beside it
 * (the person's column on the right for a right-to-left language). The fonts are Noto Sans and Noto
 * Naskh Arabic shipped in {@code papers/fonts/} (SIL Open Font License), embedded as subsets: no
 * system font and no network. PDFBox draws glyphs as given, without the font's shaping tables, so
 * Arabic and Urdu are shaped (joined letter forms) and put in visual order with ICU before drawing;
 * lines are broken on the logical text, so that each line reads on in the right order.
 */
@Component
class PdfPapers {

	private static final float MARGIN = 42;

	private static final float GUTTER = 18;

	private static final String FONTS = "/papers/fonts/";

	private final Map<String, byte[]> fontFiles = new HashMap<>();

	byte[] render(Paper paper, String title) {
		try (PDDocument document = new PDDocument()) {
			Fonts fonts = new Fonts(document);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title);
			info.setCreator("Acolhida");
			document.getDocumentCatalog().setLanguage(paper.person().language());
			Layout layout = new Layout(document, fonts, paper);
			for (Paper.Row row : paper.rows()) {
				layout.row(row);
			}
			layout.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private byte[] fontFile(String name) {
		synchronized (fontFiles) {
			return fontFiles.computeIfAbsent(name, file -> {
				try (InputStream in = PdfPapers.class.getResourceAsStream(FONTS + file)) {
					if (in == null) {
						throw new IllegalStateException("The font " + FONTS + file + " is not in the application");
					}
					return in.readAllBytes();
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	/** The four faces, loaded into one document; a character the first choice lacks is drawn with the other. */
	private final class Fonts {

		final PDFont latin;

		final PDFont latinBold;

		final PDFont arabic;

		final PDFont arabicBold;

		private final Map<PDFont, Map<Integer, Boolean>> known = new HashMap<>();

		Fonts(PDDocument document) throws IOException {
			latin = PDType0Font.load(document, new java.io.ByteArrayInputStream(fontFile("NotoSans-Regular.ttf")), true);
			latinBold = PDType0Font.load(document, new java.io.ByteArrayInputStream(fontFile("NotoSans-Bold.ttf")), true);
			arabic = PDType0Font.load(document,
					new java.io.ByteArrayInputStream(fontFile("NotoNaskhArabic-Regular.ttf")), true);
			arabicBold = PDType0Font.load(document,
					new java.io.ByteArrayInputStream(fontFile("NotoNaskhArabic-Bold.ttf")), true);
		}

		boolean canDraw(PDFont font, int codePoint) {
			return known.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, cp -> {
				try {
					font.encode(new String(Character.toChars(cp)));
					return true;
				}
				catch (IOException | IllegalArgumentException e) {
					return false;
				}
			});
		}

		/** Runs of one font each: the preferred face where it has the glyph, the other where not. */
		List<Run> runs(String text, boolean rightToLeft, boolean bold) {
			PDFont first = rightToLeft ? (bold ? arabicBold : arabic) : (bold ? latinBold : latin);
			PDFont second = rightToLeft ? (bold ? latinBold : latin) : (bold ? arabicBold : arabic);
			List<Run> runs = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			PDFont currentFont = null;
			for (int i = 0; i < text.length();) {
				int cp = text.codePointAt(i);
				i += Character.charCount(cp);
				PDFont font = canDraw(first, cp) ? first : canDraw(second, cp) ? second : null;
				if (font == null) {
					continue; // a character neither face has would stop the whole paper: it is left out
				}
				if (currentFont != null && font != currentFont) {
					runs.add(new Run(current.toString(), currentFont));
					current.setLength(0);
				}
				currentFont = font;
				current.appendCodePoint(cp);
			}
			if (currentFont != null && !current.isEmpty()) {
				runs.add(new Run(current.toString(), currentFont));
			}
			return runs;
		}

		float width(String text, boolean rightToLeft, boolean bold, float size) {
			float width = 0;
			for (Run run : runs(text, rightToLeft, bold)) {
				try {
					width += run.font().getStringWidth(run.text()) / 1000 * size;
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
			return width;
		}

	}

	private record Run(String text, PDFont font) {
	}

	/** Rows down the page, a new page when the next row does not fit. */
	private final class Layout {

		private final PDDocument document;

		private final Fonts fonts;

		private final Paper paper;

		private final float columnWidth;

		private PDPageContentStream content;

		private float y;

		private int pages;

		Layout(PDDocument document, Fonts fonts, Paper paper) throws IOException {
			this.document = document;
			this.fonts = fonts;
			this.paper = paper;
			float usable = PDRectangle.A4.getWidth() - 2 * MARGIN;
			this.columnWidth = paper.staff() == null ? usable : (usable - GUTTER) / 2;
			newPage();
		}

		private void newPage() throws IOException {
			if (content != null) {
				content.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			pages++;
			content = new PDPageContentStream(document, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
			footer();
			if (paper.staff() != null) {
				// what each column is in, in that column's own language
				cell(Paper.Style.NOTE, paper.person().languageName(paper.person().language()), paper.person(), personX(),
						y, 0.35f);
				cell(Paper.Style.NOTE, paper.staff().languageName(paper.staff().language()), paper.staff(), staffX(), y,
						0.35f);
				y -= 16;
				content.setStrokingColor(0.6f, 0.6f, 0.6f);
				content.moveTo(MARGIN, y + 6);
				content.lineTo(PDRectangle.A4.getWidth() - MARGIN, y + 6);
				content.stroke();
				y -= 4;
			}
		}

		private void footer() throws IOException {
			String text = paper.caseNumber() + " · " + pages;
			float size = 8;
			content.beginText();
			content.setNonStrokingColor(0.4f, 0.4f, 0.4f);
			content.newLineAtOffset(MARGIN, MARGIN / 2);
			for (Run run : fonts.runs(text, false, false)) {
				content.setFont(run.font(), size);
				content.showText(run.text());
			}
			content.endText();
		}

		private float personX() {
			boolean right = paper.person().rightToLeft() && paper.staff() != null;
			return right ? MARGIN + columnWidth + GUTTER : MARGIN;
		}

		private float staffX() {
			return paper.person().rightToLeft() ? MARGIN : MARGIN + columnWidth + GUTTER;
		}

		void row(Paper.Row row) throws IOException {
			float size = size(row.style());
			float leading = size * (paper.person().rightToLeft() ? 1.6f : 1.35f);
			List<String> personLines = wrap(row.person(), paper.person(), row.style());
			List<String> staffLines = paper.staff() == null ? List.of() : wrap(row.staff(), paper.staff(), row.style());
			float height = Math.max(personLines.size(), staffLines.size()) * leading + gap(row.style());
			if (y - height < MARGIN + 10) {
				newPage();
			}
			float top = y - (row.style() == Paper.Style.HEADING ? 6 : 0);
			float gray = row.style() == Paper.Style.NOTE ? 0.3f : 0f;
			lines(personLines, paper.person(), row.style(), personX(), top, leading, gray);
			if (paper.staff() != null) {
				lines(staffLines, paper.staff(), row.style(), staffX(), top, leading, 0.35f);
			}
			y -= height;
		}

		private void cell(Paper.Style style, String text, PaperWords words, float x, float top, float gray)
				throws IOException {
			lines(wrap(text, words, style), words, style, x, top, size(style) * 1.35f, gray);
		}

		private void lines(List<String> lines, PaperWords words, Paper.Style style, float x, float top, float leading,
				float gray) throws IOException {
			// A right-to-left column may hold a paragraph with no Arabic letter at all (a checklist not yet
			// translated, shown in the staff's language): it reads left to right, set to the column's right.
			boolean rtl = words.rightToLeft() && lines.stream().anyMatch(PdfPapers::hasRightToLeft);
			boolean bold = style == Paper.Style.TITLE || style == Paper.Style.HEADING;
			float size = size(style);
			float baseline = top - size;
			for (String line : lines) {
				String visual = rtl ? visual(line) : line;
				float width = fonts.width(visual, rtl, bold, size);
				float start = words.rightToLeft() ? x + columnWidth - width : x;
				content.beginText();
				content.setNonStrokingColor(gray, gray, gray);
				content.newLineAtOffset(start, baseline);
				for (Run run : fonts.runs(visual, rtl, bold)) {
					content.setFont(run.font(), size);
					content.showText(run.text());
				}
				content.endText();
				baseline -= leading;
			}
		}

		/** Lines that fit the column, broken between words of the logical text. */
		private List<String> wrap(String text, PaperWords words, Paper.Style style) {
			List<String> lines = new ArrayList<>();
			if (text == null || text.isBlank()) {
				return lines;
			}
			boolean rtl = words.rightToLeft() && hasRightToLeft(text);
			boolean bold = style == Paper.Style.TITLE || style == Paper.Style.HEADING;
			float size = size(style);
			for (String paragraph : text.split("\n")) {
				StringBuilder line = new StringBuilder();
				for (String word : paragraph.trim().split(" +")) {
					String candidate = line.isEmpty() ? word : line + " " + word;
					String measured = rtl ? shaped(candidate) : candidate;
					if (!line.isEmpty() && fonts.width(measured, rtl, bold, size) > columnWidth) {
						lines.add(line.toString());
						line.setLength(0);
						line.append(word);
					}
					else {
						line.setLength(0);
						line.append(candidate);
					}
				}
				lines.add(line.toString());
			}
			return lines;
		}

		private float size(Paper.Style style) {
			return switch (style) {
				case TITLE -> 15;
				case HEADING -> 11.5f;
				case TEXT -> 10;
				case NOTE -> 8.5f;
			};
		}

		private float gap(Paper.Style style) {
			return switch (style) {
				case TITLE -> 8;
				case HEADING -> 8;
				case TEXT -> 3;
				case NOTE -> 3;
			};
		}

		void close() throws IOException {
			content.close();
		}

	}

	static boolean hasRightToLeft(String text) {
		return text.codePoints().anyMatch(cp -> {
			byte direction = Character.getDirectionality(cp);
			return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
					|| direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT;
		});
	}

	/** Joined letter forms (presentation forms) of Arabic-script text, still in logical order. */
	static String shaped(String logical) {
		try {
			return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
					| ArabicShaping.LENGTH_GROW_SHRINK).shape(logical);
		}
		catch (ArabicShapingException e) {
			throw new IllegalStateException("Cannot shape '" + logical + "'", e);
		}
	}

	/** One right-to-left line, shaped and in the order it is drawn from left to right. */
	static String visual(String logicalLine) {
		Bidi bidi = new Bidi();
		bidi.setPara(shaped(logicalLine), Bidi.RTL, null);
		return bidi.writeReordered(Bidi.DO_MIRRORING);
	}

}
