package ptlock.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The writer on the neutral model: counts, escaping, illegal characters, and schema validity of the result. */
class JunitXmlTest {
	private final JunitSchema schema;

	JunitXmlTest() throws SAXException {
		schema = new JunitSchema();
	}

	private static List<JunitSuite> mixed() {
		return List.of(
				new JunitSuite("a",
						List.of(JunitCase.passed("ptlock.a.s", "p1", 0.25),
								new JunitCase("ptlock.a.s", "p2", 0.5, new JunitCase.Failure("m", "t", "race")),
								new JunitCase("ptlock.a.s", "p3", 0, new JunitCase.Skipped("why")),
								new JunitCase("ptlock.a.s", "p4", 1, new JunitCase.Error("boom", "timeout", null))),
						"out"),
				new JunitSuite("b", List.of(new JunitCase("ptlock.b.s", "q", 2, new JunitCase.Error(null, null, "x"))),
						null));
	}

	@Test
	void countsOnEachSuiteAndOnTheRoot() throws Exception {
		String xml = JunitXml.toXml(mixed());
		schema.validate(xml);
		Document d = JunitDom.parse(xml);
		Element root = d.getDocumentElement();
		assertEquals("testsuites", root.getTagName());
		assertEquals("5", root.getAttribute("tests"));
		assertEquals("1", root.getAttribute("failures"));
		assertEquals("2", root.getAttribute("errors"));
		assertEquals("3.750", root.getAttribute("time"));
		List<Element> suites = JunitDom.elements(d, "testsuite");
		assertEquals(2, suites.size());
		Element a = suites.get(0);
		assertEquals("a", a.getAttribute("name"));
		assertEquals("4", a.getAttribute("tests"));
		assertEquals("1", a.getAttribute("failures"));
		assertEquals("1", a.getAttribute("errors"));
		assertEquals("1", a.getAttribute("skipped"));
		assertEquals("1.750", a.getAttribute("time"));
		assertEquals("out", JunitDom.child(a, "system-out").getTextContent());
		assertNull(JunitDom.child(suites.get(1), "system-out"));
		assertEquals("0", suites.get(1).getAttribute("skipped"));
	}

	@Test
	void outcomesBecomeTheirElements() throws Exception {
		Document d = JunitDom.parse(JunitXml.toXml(mixed()));
		assertFalse(JunitDom.testcase(d, "p1").hasChildNodes());
		assertEquals("0.250", JunitDom.testcase(d, "p1").getAttribute("time"));
		assertEquals("ptlock.a.s", JunitDom.testcase(d, "p1").getAttribute("classname"));
		Element failure = JunitDom.child(JunitDom.testcase(d, "p2"), "failure");
		assertEquals("m", failure.getAttribute("message"));
		assertEquals("t", failure.getAttribute("type"));
		assertEquals("race", failure.getTextContent());
		assertEquals("why", JunitDom.child(JunitDom.testcase(d, "p3"), "skipped").getAttribute("message"));
		Element error = JunitDom.child(JunitDom.testcase(d, "q"), "error");
		assertFalse(error.hasAttribute("message"));
		assertEquals("x", error.getTextContent());
	}

	@Test
	void declarationAndEncodingAreUtf8() throws Exception {
		String xml = JunitXml.toXml(List.of(new JunitSuite("ü", List.of(JunitCase.passed("c", "λ → ✓", 0)), null)));
		assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
		schema.validate(xml);
		assertEquals("λ → ✓", JunitDom.testcase(JunitDom.parse(xml), "λ → ✓").getAttribute("name"));
	}

	@Test
	void markupIsEscapedInAttributesAndText() throws Exception {
		String hostile = "a<b&c\"d'e>f]]>";
		String xml = JunitXml.toXml(List.of(new JunitSuite(hostile,
				List.of(new JunitCase(hostile, hostile, 0, new JunitCase.Failure(hostile, hostile, hostile))),
				hostile)));
		schema.validate(xml);
		assertFalse(xml.contains("a<b"), xml);
		assertTrue(xml.contains("a&lt;b&amp;c"), xml);
		Document d = JunitDom.parse(xml);
		Element c = JunitDom.testcase(d, hostile);
		assertEquals(hostile, c.getAttribute("classname"));
		Element f = JunitDom.child(c, "failure");
		assertEquals(hostile, f.getAttribute("message"));
		assertEquals(hostile, f.getTextContent());
		assertEquals(hostile, JunitDom.elements(d, "testsuite").get(0).getAttribute("name"));
		assertEquals(hostile, JunitDom.child(d.getDocumentElement(), "system-out").getTextContent());
	}

	@Test
	void charactersIllegalInXmlAreRemoved() throws Exception {
		String dirty = "nul\u0000 bell\u0007 esc\u001b lone\ud800 fffe\ufffe tab\tnl\n end \ud83d\ude00";
		String clean = "nul bell esc lone fffe tab\tnl\n end \ud83d\ude00";
		String xml = JunitXml.toXml(List.of(new JunitSuite("s",
				List.of(new JunitCase("c", dirty, 0, new JunitCase.Error(dirty, "failed", dirty))), dirty)));
		assertFalse(xml.contains("\u0000"));
		schema.validate(xml);
		Document d = JunitDom.parse(xml);
		Element c = JunitDom.elements(d, "testcase").get(0);
		// a parser turns tab and newline in an attribute into spaces unless the writer escapes them
		assertEquals(clean.replaceAll("[\t\n]", " "), c.getAttribute("name").replaceAll("[\t\n]", " "));
		assertEquals(clean, JunitDom.child(c, "error").getTextContent());
		assertEquals(clean, JunitDom.child(d.getDocumentElement(), "system-out").getTextContent());
	}

	@Test
	void timesUseADotWhateverTheLocale() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.GERMANY);
			assertEquals("1.500", JunitXml.seconds(1.5));
			assertEquals("0.000", JunitXml.seconds(-1));
			assertEquals("0.000", JunitXml.seconds(Double.NaN));
		} finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void anEmptyReportIsValid() throws Exception {
		String xml = JunitXml.toXml(List.of());
		schema.validate(xml);
		assertEquals("0", JunitDom.parse(xml).getDocumentElement().getAttribute("tests"));
		schema.validate(JunitXml.toXml(List.of(new JunitSuite("none", List.of(), null))));
	}

	@Test
	void writesAFile(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("report.xml");
		JunitXml.write(mixed(), file);
		assertEquals(JunitXml.toXml(mixed()), Files.readString(file));
	}

	/** The validation the other tests rely on rejects what a careless writer could emit. */
	@Test
	void theSchemaRejectsMalformedReports() throws Exception {
		String good = JunitXml.toXml(mixed());
		schema.validate(good);
		List<String> bad = List.of(
				good.replace("<testsuites ", "<testsuites skipped=\"1\" "), // skipped is a testsuite attribute only
				good.replaceFirst("<testsuite name=\"a\" tests=\"4\"", "<testsuite name=\"a\""), // tests is required
				good.replace("<testcase classname=\"ptlock.a.s\" name=\"p1\"", "<testcase classname=\"ptlock.a.s\""),
				good.replace(">race</failure>", "><b>race</b></failure>"), // failure holds text only
				good.replace("<testcase classname=\"ptlock.a.s\" name=\"p1\"",
						"<testcase classname=\"ptlock.a.s\" name=\"p1\" verdict=\"x\""), // no unknown attributes
				good.replace("testsuites", "testruns"), // unknown root
				good.replace("<system-out>out</system-out>", "<stdout>out</stdout>"));
		for (String doc : bad) {
			assertFalse(doc.equals(good), "the mutation applies");
			assertThrows(SAXException.class, () -> schema.validate(doc), doc);
		}
	}
}
