package org.acolhida.papers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A generated paper as PDFBox reads it back: its pages and its text. */
record PaperPdf(int pages, String text) {

	static PaperPdf read(byte[] bytes) {
		try (PDDocument document = Loader.loadPDF(bytes)) {
			return new PaperPdf(document.getNumberOfPages(), new PDFTextStripper().getText(document));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The text with every run of white space (line breaks of wrapped lines included) as one space, and
	 * Arabic presentation forms (the joined letter shapes drawn) folded back to their letters.
	 */
	String words() {
		return flat(Normalizer.normalize(text, Normalizer.Form.NFKC));
	}

	/**
	 * {@link #words()} with the Arabic letters that Noto Naskh draws with one glyph folded into one: the
	 * PDF's ToUnicode map names one code point per glyph (PDFBox takes the font's first), so an Arabic
	 * final yeh reads back as a Farsi yeh, an alef maksura too, a heh as an ae, and a vowel sign drawn on
	 * a tatweel keeps it. Apply to both sides of a comparison; the order of the letters is untouched.
	 */
	String letters() {
		return fold(words());
	}

	static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC)
			.replace('\u06CC', '\u064A') // Farsi yeh -> Arabic yeh
			.replace('\u0649', '\u064A') // alef maksura -> yeh
			.replace('\u06D5', '\u0647') // ae -> heh
			.replace("\u0640", ""); // tatweel
	}

	static String flat(String text) {
		return text.replaceAll("\\s+", " ").trim();
	}

}
