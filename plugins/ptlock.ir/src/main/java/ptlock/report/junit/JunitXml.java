package ptlock.report.junit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes JUnit XML: a {@code <testsuites>} document in UTF-8, the format CI servers (Jenkins, GitLab, GitHub
 * actions) read. The writer escapes markup; text is first stripped of the characters XML 1.0 cannot carry at all
 * (control characters other than tab, newline and carriage return, lone surrogates, U+FFFE/U+FFFF), which user
 * input such as a NUL in a spec can otherwise smuggle in and which would make the whole report unreadable.
 *
 * <p>
 * The root carries tests, failures, errors and time. It does not carry skipped: the Jenkins xunit schema
 * (junit-10.xsd) allows that attribute only on {@code <testsuite>}, where it is written.
 */
public final class JunitXml {
	private JunitXml() {
	}

	public static void write(List<JunitSuite> suites, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			write(suites, out);
		}
	}

	/** Writes the document to out (left open). */
	public static void write(List<JunitSuite> suites, OutputStream out) throws IOException {
		try {
			XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			w.writeCharacters("\n");
			w.writeStartElement("testsuites");
			w.writeAttribute("tests", Integer.toString(suites.stream().mapToInt(JunitSuite::tests).sum()));
			w.writeAttribute("failures", Integer.toString(suites.stream().mapToInt(JunitSuite::failures).sum()));
			w.writeAttribute("errors", Integer.toString(suites.stream().mapToInt(JunitSuite::errors).sum()));
			w.writeAttribute("time", seconds(suites.stream().mapToDouble(JunitSuite::time).sum()));
			for (JunitSuite s : suites) {
				suite(w, s);
			}
			w.writeCharacters("\n");
			w.writeEndElement();
			w.writeCharacters("\n");
			w.writeEndDocument();
			w.flush();
			w.close();
		} catch (XMLStreamException e) {
			throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
		}
	}

	/** The document as a string (for tests and small reports). */
	public static String toXml(List<JunitSuite> suites) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			write(suites, out);
		} catch (IOException e) {
			throw new UncheckedIOException(e); // a byte array does not fail
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static void suite(XMLStreamWriter w, JunitSuite s) throws XMLStreamException {
		w.writeCharacters("\n  ");
		w.writeStartElement("testsuite");
		attribute(w, "name", s.name());
		w.writeAttribute("tests", Integer.toString(s.tests()));
		w.writeAttribute("failures", Integer.toString(s.failures()));
		w.writeAttribute("errors", Integer.toString(s.errors()));
		w.writeAttribute("skipped", Integer.toString(s.skipped()));
		w.writeAttribute("time", seconds(s.time()));
		for (JunitCase c : s.cases()) {
			testcase(w, c);
		}
		if (s.systemOut() != null) {
			w.writeCharacters("\n    ");
			w.writeStartElement("system-out");
			w.writeCharacters(legal(s.systemOut()));
			w.writeEndElement();
		}
		w.writeCharacters("\n  ");
		w.writeEndElement();
	}

	private static void testcase(XMLStreamWriter w, JunitCase c) throws XMLStreamException {
		w.writeCharacters("\n    ");
		if (c.outcome() == null) {
			w.writeEmptyElement("testcase");
		} else {
			w.writeStartElement("testcase");
		}
		attribute(w, "classname", c.classname());
		attribute(w, "name", c.name());
		w.writeAttribute("time", seconds(c.time()));
		if (c.outcome() == null) {
			return;
		}
		w.writeCharacters("\n      ");
		switch (c.outcome()) {
			case JunitCase.Failure f -> outcome(w, "failure", f.message(), f.type(), f.text());
			case JunitCase.Error e -> outcome(w, "error", e.message(), e.type(), e.text());
			case JunitCase.Skipped k -> outcome(w, "skipped", k.message(), null, null);
		}
		w.writeCharacters("\n    ");
		w.writeEndElement();
	}

	private static void outcome(XMLStreamWriter w, String element, String message, String type, String text)
			throws XMLStreamException {
		if (text == null || text.isEmpty()) {
			w.writeEmptyElement(element);
		} else {
			w.writeStartElement(element);
		}
		attribute(w, "message", message);
		attribute(w, "type", type);
		if (text != null && !text.isEmpty()) {
			w.writeCharacters(legal(text));
			w.writeEndElement();
		}
	}

	private static void attribute(XMLStreamWriter w, String name, String value) throws XMLStreamException {
		if (value != null) {
			w.writeAttribute(name, legal(value));
		}
	}

	/** Seconds with millisecond precision, '.' as the separator whatever the locale. */
	static String seconds(double s) {
		return String.format(Locale.ROOT, "%.3f", s > 0 ? s : 0.0);
	}

	/** s without the characters XML 1.0 does not allow in a document (its production 'Char'). */
	static String legal(String s) {
		StringBuilder out = null;
		for (int i = 0; i < s.length();) {
			int cp = s.codePointAt(i);
			int n = Character.charCount(cp);
			boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
					|| (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
			if (!ok && out == null) {
				out = new StringBuilder(s.length()).append(s, 0, i);
			} else if (ok && out != null) {
				out.appendCodePoint(cp);
			}
			i += n;
		}
		return out == null ? s : out.toString();
	}
}
