package ptlock.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ptlock.report.junit.JunitPrograms.FILE;
import static ptlock.report.junit.JunitPrograms.program;
import static ptlock.report.junit.JunitPrograms.result;
import static ptlock.report.junit.JunitPrograms.verdict;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.report.RaceRenderer;

/** Check results as JUnit cases: which verdicts pass, fail or err, and what a CI server then shows. */
class JunitCheckTest {
	private static final String STALE = "no_stale_tlb [arch=x86]";
	private static final String DEADLOCK = "no_deadlock [arch=x86]";

	private final JunitSchema schema;

	JunitCheckTest() throws SAXException {
		schema = new JunitSchema();
	}

	/** The report of results, validated against junit-10.xsd and read back. */
	private Document report(CheckResult... results) throws Exception {
		String xml = JunitXml.toXml(CheckJunit.suites(List.of(results)));
		schema.validate(xml);
		return JunitDom.parse(xml);
	}

	@Test
	void anExpectedViolationPasses() throws Exception {
		Document d = report(result(program(), "sim", CheckStatus.COMPLETED, 40, null,
				verdict("no_stale_tlb", Verdict.VIOLATED, Verdict.VIOLATED),
				verdict("no_deadlock", Verdict.HOLDS, null)));
		Element root = d.getDocumentElement();
		assertEquals("2", root.getAttribute("tests"));
		assertEquals("0", root.getAttribute("failures"));
		assertEquals("0", root.getAttribute("errors"));
		Element c = JunitDom.testcase(d, STALE);
		assertEquals("ptlock.mremap.move_race", c.getAttribute("classname"));
		assertFalse(c.hasChildNodes());
		assertFalse(JunitDom.testcase(d, DEADLOCK).hasChildNodes());
	}

	@Test
	void anUnexpectedVerdictFailsWithTheRace() throws Exception {
		Program p = program();
		PropertyResult violated = new PropertyResult("no_stale_tlb", Verdict.VIOLATED, Verdict.HOLDS,
				JunitPrograms.race(), "see the TLB flush");
		Document d = report(result(p, "tlc", CheckStatus.COMPLETED, 40, null, violated,
				verdict("no_deadlock", Verdict.HOLDS, Verdict.HOLDS)));
		assertEquals("1", d.getDocumentElement().getAttribute("failures"));
		Element failure = JunitDom.child(JunitDom.testcase(d, STALE), "failure");
		assertEquals("expected holds, got violated", failure.getAttribute("message"));
		String race = new RaceRenderer().render(p, violated);
		assertFalse(race.isEmpty());
		assertTrue(failure.getTextContent().contains(race), failure.getTextContent());
		assertTrue(failure.getTextContent().contains("pte_clear(ptep);"));
		assertTrue(failure.getTextContent().contains("see the TLB flush"));
		assertNull(JunitDom.child(JunitDom.testcase(d, DEADLOCK), "failure"));
	}

	@Test
	void anUnexpectedHoldFailsWithoutARace() throws Exception {
		Document d = report(result(program(), "sim", CheckStatus.COMPLETED, 40, null,
				verdict("no_stale_tlb", Verdict.HOLDS, Verdict.VIOLATED)));
		Element failure = JunitDom.child(JunitDom.testcase(d, STALE), "failure");
		assertEquals("expected violated, got holds", failure.getAttribute("message"));
	}

	@Test
	void aModelErrorIsAnErrorWithItsLocation() throws Exception {
		String where = FILE + ":12:9: index 3 outside 1..2";
		Document d = report(result(program(), "sim", CheckStatus.COMPLETED, 40, null,
				new PropertyResult("model_ok", Verdict.MODEL_ERROR, Verdict.HOLDS, JunitPrograms.race(), where),
				verdict("no_stale_tlb", Verdict.HOLDS, Verdict.HOLDS)));
		assertEquals("1", d.getDocumentElement().getAttribute("errors"));
		assertEquals("0", d.getDocumentElement().getAttribute("failures"));
		Element error = JunitDom.child(JunitDom.testcase(d, "model_ok [arch=x86]"), "error");
		assertEquals("model_error", error.getAttribute("type"));
		assertEquals(where, error.getAttribute("message"));
		assertTrue(error.getTextContent().contains(where));
		assertTrue(error.getTextContent().contains("set_pte_at(ptep, 2);"), error.getTextContent());
	}

	@Test
	void aTimeoutErrsOnlyOnUndecidedProperties() throws Exception {
		Document d = report(result(program(), "tlc", CheckStatus.TIMEOUT, 60_000, "time limit of 60 s reached",
				verdict("no_stale_tlb", Verdict.VIOLATED, Verdict.HOLDS),
				verdict("no_deadlock", Verdict.UNKNOWN, Verdict.HOLDS)));
		Element root = d.getDocumentElement();
		assertEquals("1", root.getAttribute("errors"));
		assertEquals("1", root.getAttribute("failures"));
		Element error = JunitDom.child(JunitDom.testcase(d, DEADLOCK), "error");
		assertEquals("timeout", error.getAttribute("type"));
		assertEquals("time limit of 60 s reached", error.getAttribute("message"));
		assertEquals("expected holds, got violated",
				JunitDom.child(JunitDom.testcase(d, STALE), "failure").getAttribute("message"));
		assertEquals("60.000", root.getAttribute("time"));
		assertEquals("30.000", JunitDom.testcase(d, DEADLOCK).getAttribute("time"));
	}

	@Test
	void aCancelledOrFailedCheckErrsWithItsStatus() throws Exception {
		Document d = report(
				result(program(), "sim", CheckStatus.CANCELLED, 5, null, verdict("no_deadlock", Verdict.UNKNOWN, null)),
				result(program(FILE, "mremap", "other", null, null, Map.of()), "tlc", CheckStatus.FAILED, 5,
						"TLC ran out of memory"));
		Element cancelled = JunitDom.child(JunitDom.testcase(d, DEADLOCK), "error");
		assertEquals("cancelled", cancelled.getAttribute("type"));
		assertEquals("check cancelled", cancelled.getAttribute("message"));
		// no properties at all: the failed check still shows
		Element failed = JunitDom.child(JunitDom.testcase(d, "check"), "error");
		assertEquals("failed", failed.getAttribute("type"));
		assertEquals("TLC ran out of memory", failed.getAttribute("message"));
		assertEquals("2", d.getDocumentElement().getAttribute("errors"));
	}

	@Test
	void anUndecidedPropertyOfACompletedCheckIsAnError() throws Exception {
		Document d = report(result(program(), "sim", CheckStatus.COMPLETED, 5, null, new PropertyResult(
				"no_deadlock", Verdict.UNKNOWN, null, null, "not decided: the model has an error (model_ok)")));
		Element error = JunitDom.child(JunitDom.testcase(d, DEADLOCK), "error");
		assertEquals("undecided", error.getAttribute("type"));
		assertEquals("not decided: the model has an error (model_ok)", error.getAttribute("message"));
	}

	@Test
	void theEngineIsNamedOnlyWhenTwoCheckedTheSameScenario() throws Exception {
		Program p = program();
		Program atPatch = program(FILE, "mremap", "move_race", "arm64", "2", Map.of());
		Document d = report(result(p, "sim", CheckStatus.COMPLETED, 1, null, verdict("no_deadlock", Verdict.HOLDS, null)),
				result(p, "tlc", CheckStatus.COMPLETED, 1, null, verdict("no_deadlock", Verdict.HOLDS, null)),
				result(atPatch, "tlc", CheckStatus.COMPLETED, 1, null, verdict("no_deadlock", Verdict.HOLDS, null)));
		List<String> names = JunitDom.elements(d, "testcase").stream().map(e -> e.getAttribute("name")).toList();
		assertEquals(List.of("no_deadlock [arch=x86, engine=sim]", "no_deadlock [arch=x86, engine=tlc]",
				"no_deadlock [arch=arm64, patch=2]"), names);
	}

	@Test
	void oneSuitePerSpecFileWithTheChecksInSystemOut() throws Exception {
		Program other = program("specs/fork.ptl", "fork", "copy race!", null, null, Map.of());
		Document d = report(result(program(), "sim", CheckStatus.COMPLETED, 10, null,
				verdict("no_deadlock", Verdict.HOLDS, null)),
				result(other, "sim", CheckStatus.COMPLETED, 10, null, verdict("no_deadlock", Verdict.HOLDS, null)),
				result(program(FILE, "mremap", "second", null, null, Map.of()), "sim", CheckStatus.COMPLETED, 10,
						null, verdict("no_deadlock", Verdict.HOLDS, null)));
		List<Element> suites = JunitDom.elements(d, "testsuite");
		assertEquals(List.of("mremap", "fork"), suites.stream().map(e -> e.getAttribute("name")).toList());
		assertEquals("2", suites.get(0).getAttribute("tests"));
		assertEquals("ptlock.fork.copy_race_", JunitDom.child(suites.get(1), "testcase").getAttribute("classname"));
		String out = JunitDom.child(suites.get(0), "system-out").getTextContent();
		assertTrue(out.contains("move_race@x86 (sim): completed, 12 distinct states, depth 3, 10 ms"), out);
		assertTrue(out.contains("second (sim)"), out);
		assertFalse(out.contains("the doc"));
	}

	@Test
	void ignoredPropertiesAreSkipped() throws Exception {
		Program p = program(FILE, "mremap", "move_race", null, null, Map.of("no_stale_tlb", "fixed in patch 3"));
		Document d = report(result(p, "sim", CheckStatus.COMPLETED, 10, null,
				verdict("no_deadlock", Verdict.HOLDS, Verdict.HOLDS)));
		assertEquals("1", JunitDom.elements(d, "testsuite").get(0).getAttribute("skipped"));
		Element skipped = JunitDom.child(JunitDom.testcase(d, "no_stale_tlb"), "skipped");
		assertEquals("fixed in patch 3", skipped.getAttribute("message"));
		assertEquals("0.000", JunitDom.testcase(d, "no_stale_tlb").getAttribute("time"));
		assertEquals("0.010", JunitDom.testcase(d, "no_deadlock").getAttribute("time"));
	}

	@Test
	void hostileSpecTextStaysValid() throws Exception {
		String nasty = "a<b&c\"\u0000d";
		Program p = program(FILE, "mremap", "s", null, null, Map.of("no_stale_tlb", nasty));
		Document d = report(result(p, "sim", CheckStatus.FAILED, 1, nasty,
				new PropertyResult("no_deadlock", Verdict.UNKNOWN, null, null, nasty)));
		assertEquals("a<b&c\"d", JunitDom.child(JunitDom.testcase(d, "no_deadlock"), "error").getAttribute("message"));
		assertEquals("a<b&c\"d", JunitDom.child(JunitDom.testcase(d, "no_stale_tlb"), "skipped").getAttribute("message"));
	}

	@Test
	void noResultsGiveAnEmptyValidReport() throws Exception {
		assertEquals(List.of(), CheckJunit.suites(List.of()));
		assertEquals("0", report().getDocumentElement().getAttribute("tests"));
	}
}
