package ptlock.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.PropertyResult;
import ptlock.check.Stats;
import ptlock.ir.Program;
import ptlock.ir.SourceLoc;
import ptlock.ir.Verdict;

/** What the SARIF log says about verdicts and findings; every log written here is valid SARIF 2.1.0. */
class SarifWriterTest {
	private final SarifSchema schema = new SarifSchema();
	private final SarifWriter writer = new SarifWriter("0.1.0", "https://example.org/ptlock");

	private JsonObject run(List<CheckResult> results, List<SarifFinding> findings, List<SarifRule> rules) {
		String text = writer.write(results, findings, rules);
		assertEquals(List.of(), schema.errors(text), text);
		JsonObject log = JsonParser.parseString(text).getAsJsonObject();
		assertEquals("2.1.0", log.get("version").getAsString());
		return log.getAsJsonArray("runs").get(0).getAsJsonObject();
	}

	private JsonObject run(CheckResult... results) {
		return run(List.of(results), List.of(), List.of());
	}

	private static List<JsonObject> results(JsonObject run) {
		List<JsonObject> out = new ArrayList<>();
		run.getAsJsonArray("results").forEach(e -> out.add(e.getAsJsonObject()));
		return out;
	}

	private static JsonObject rule(JsonObject run, String id) {
		for (JsonElement e : run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules")) {
			if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
				return e.getAsJsonObject();
			}
		}
		throw new AssertionError("no rule " + id + " in driver.rules");
	}

	private static JsonObject physical(JsonObject result) {
		return result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
	}

	private static PropertyResult safe(Verdict verdict, Verdict expected) {
		return new PropertyResult("safe", verdict, expected, verdict == Verdict.HOLDS ? null : Races.race(), null);
	}

	@Test
	void aViolatedPropertyIsOneErrorAtTheLastStepWithOneThreadFlowPerCpu() {
		Program p = Races.program(Map.of("safe", Verdict.HOLDS));
		JsonObject run = run(Races.check(p, "sim", safe(Verdict.VIOLATED, Verdict.HOLDS),
				new PropertyResult("no_deadlock", Verdict.HOLDS, Verdict.HOLDS, null, null)));
		assertEquals("ptlock", run.getAsJsonObject("tool").getAsJsonObject("driver").get("name").getAsString());
		List<JsonObject> results = results(run);
		assertEquals(1, results.size(), "a property that holds as expected is no result");
		JsonObject r = results.get(0);
		assertEquals("ptlock.property.safe", r.get("ruleId").getAsString());
		assertEquals("error", r.get("level").getAsString());
		JsonObject at = physical(r);
		assertEquals(Races.FILE, at.getAsJsonObject("artifactLocation").get("uri").getAsString());
		assertEquals("%SRCROOT%", at.getAsJsonObject("artifactLocation").get("uriBaseId").getAsString());
		assertEquals(31, at.getAsJsonObject("region").get("startLine").getAsInt());
		assertEquals(5, at.getAsJsonObject("region").get("startColumn").getAsInt());
		String message = r.getAsJsonObject("message").get("text").getAsString();
		for (String part : List.of("safe", "race@x86_64", "mm", "p03", "sim", "cpu0 (2 steps) and cpu1 (2 steps)",
				"after step 4")) {
			assertTrue(message.contains(part), part + " in " + message);
		}
		JsonArray flows = r.getAsJsonArray("codeFlows");
		assertEquals(1, flows.size());
		JsonArray threads = flows.get(0).getAsJsonObject().getAsJsonArray("threadFlows");
		assertEquals(2, threads.size(), "one thread flow per CPU");
		assertEquals("cpu0", threads.get(0).getAsJsonObject().get("id").getAsString());
		assertEquals("cpu1", threads.get(1).getAsJsonObject().get("id").getAsString());
		assertEquals(List.of(1, 3), order(threads.get(0)));
		assertEquals(List.of(2, 4), order(threads.get(1)));
		JsonObject last = threads.get(1).getAsJsonObject().getAsJsonArray("locations").get(1).getAsJsonObject();
		assertEquals("cpu1_second(x);",
				last.getAsJsonObject("location").getAsJsonObject("message").get("text").getAsString());
		assertEquals(31, last.getAsJsonObject("location").getAsJsonObject("physicalLocation")
				.getAsJsonObject("region").get("startLine").getAsInt());
		assertEquals("3", last.getAsJsonObject("state").getAsJsonObject("x").get("text").getAsString());
		assertFalse(last.getAsJsonObject("state").has("pc_cpu1"), "program counters are bookkeeping");
		JsonObject quiet = threads.get(1).getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject();
		assertFalse(quiet.has("state"), "a step that changes nothing visible has no state");
		assertFalse(r.getAsJsonObject("properties").get("expected").getAsBoolean());
		assertTrue(r.getAsJsonObject("partialFingerprints").has(Fingerprint.KEY));
		assertTrue(rule(run, "ptlock.property.safe").getAsJsonObject("shortDescription").get("text").getAsString()
				.contains("no PTE is written after its table is freed"));
	}

	private static List<Integer> order(JsonElement threadFlow) {
		List<Integer> out = new ArrayList<>();
		threadFlow.getAsJsonObject().getAsJsonArray("locations")
				.forEach(l -> out.add(l.getAsJsonObject().get("executionOrder").getAsInt()));
		return out;
	}

	@Test
	void aViolationTheSpecExpectsIsANote() {
		Program p = Races.program(Map.of("safe", Verdict.VIOLATED));
		JsonObject r = results(run(Races.check(p, "sim", safe(Verdict.VIOLATED, Verdict.VIOLATED)))).get(0);
		assertEquals("note", r.get("level").getAsString());
		assertTrue(r.getAsJsonObject("properties").get("expected").getAsBoolean());
		assertTrue(r.getAsJsonObject("message").get("text").getAsString().contains("as the spec expects"));
	}

	@Test
	void aViolationWithNoExpectationIsAnError() {
		Program p = Races.program(Map.of());
		JsonObject r = results(run(Races.check(p, "sim", safe(Verdict.VIOLATED, null)))).get(0);
		assertEquals("error", r.get("level").getAsString());
	}

	@Test
	void aModelErrorIsAnErrorOfTheModelErrorRule() {
		Program p = Races.program(Map.of());
		JsonObject run = run(Races.check(p, "sim", new PropertyResult("model_ok", Verdict.MODEL_ERROR, Verdict.HOLDS,
				Races.race(), "an index outside its array at mm.ptl:31:5")));
		JsonObject r = results(run).get(0);
		assertEquals("ptlock.model-error", r.get("ruleId").getAsString());
		assertEquals("error", r.get("level").getAsString());
		assertEquals("model_ok", r.getAsJsonObject("properties").get("property").getAsString());
		assertTrue(r.getAsJsonObject("message").get("text").getAsString().contains("an index outside its array"));
		assertEquals(1, r.getAsJsonArray("codeFlows").size());
		assertEquals("error", rule(run, "ptlock.model-error").getAsJsonObject("defaultConfiguration").get("level")
				.getAsString());
	}

	@Test
	void anExpectedViolationThatHoldsIsAnErrorAtTheScenario() {
		Program p = Races.program(Map.of("safe", Verdict.VIOLATED));
		JsonObject r = results(run(Races.check(p, "sim", safe(Verdict.HOLDS, Verdict.VIOLATED)))).get(0);
		assertEquals("error", r.get("level").getAsString());
		assertEquals(40, physical(r).getAsJsonObject("region").get("startLine").getAsInt());
		assertFalse(r.has("codeFlows"));
		assertTrue(r.getAsJsonObject("message").get("text").getAsString().contains("expects it violated"));
	}

	@Test
	void anUndecidedPropertyNamesWhy() {
		Program p = Races.program(Map.of("safe", Verdict.HOLDS));
		CheckResult timeout = new CheckResult(p, "tlc", CheckStatus.TIMEOUT,
				List.of(new PropertyResult("safe", Verdict.UNKNOWN, Verdict.HOLDS, null, null)), Stats.NONE, "60 s");
		String text = writer.write(List.of(timeout), List.of(), List.of());
		assertEquals(List.of(), schema.errors(text), text);
		JsonObject run = JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("runs").get(0)
				.getAsJsonObject();
		JsonObject r = results(run).get(0);
		assertEquals("error", r.get("level").getAsString());
		assertTrue(r.getAsJsonObject("message").get("text").getAsString().contains("tlc: timeout, 60 s"));
		JsonObject invocation = run.getAsJsonArray("invocations").get(0).getAsJsonObject();
		assertFalse(invocation.get("executionSuccessful").getAsBoolean());
	}

	@Test
	void aPropertyCheckedByBothEnginesIsOneResult() {
		Program p = Races.program(Map.of("safe", Verdict.HOLDS));
		// the engines lower the spec each on their own: equal programs, not the same instance
		Program again = Races.program(Map.of("safe", Verdict.HOLDS));
		List<JsonObject> results = results(run(Races.check(p, "sim", safe(Verdict.VIOLATED, Verdict.HOLDS)),
				Races.check(again, "tlc", safe(Verdict.VIOLATED, Verdict.HOLDS))));
		assertEquals(1, results.size());
		JsonObject props = results.get(0).getAsJsonObject("properties");
		assertEquals("violated", props.getAsJsonObject("engines").get("sim").getAsString());
		assertEquals("violated", props.getAsJsonObject("engines").get("tlc").getAsString());
		assertTrue(props.get("enginesAgree").getAsBoolean());
		assertTrue(results.get(0).getAsJsonObject("message").get("text").getAsString().contains("engines sim, tlc"));
	}

	@Test
	void enginesThatDisagreeAreOneErrorSayingSo() {
		Program p = Races.program(Map.of("safe", Verdict.VIOLATED));
		List<JsonObject> results = results(run(Races.check(p, "sim", safe(Verdict.HOLDS, Verdict.VIOLATED)),
				Races.check(p, "tlc", safe(Verdict.VIOLATED, Verdict.VIOLATED))));
		assertEquals(1, results.size());
		JsonObject r = results.get(0);
		assertEquals("error", r.get("level").getAsString());
		assertFalse(r.getAsJsonObject("properties").get("enginesAgree").getAsBoolean());
		assertEquals(1, r.getAsJsonArray("codeFlows").size(), "the counterexample of the engine that found one");
	}

	@Test
	void otherPatchLevelsAreOtherResults() {
		Program p = Races.program(Map.of("safe", Verdict.HOLDS));
		Program p04 = new Program(p.spec(), p.scenario(), p.arch(), "p04", p.doc(), p.loc(), p.globals(), p.init(),
				p.threads(), p.properties(), p.expectations(), p.ignored());
		List<JsonObject> results = results(run(Races.check(p, "sim", safe(Verdict.VIOLATED, Verdict.HOLDS)),
				Races.check(p04, "sim", safe(Verdict.VIOLATED, Verdict.HOLDS))));
		assertEquals(2, results.size());
		assertNotEquals(results.get(0).get("partialFingerprints"), results.get(1).get("partialFingerprints"));
	}

	@Test
	void findingsAreWarningsOfTheirRulesWithHelp() {
		SarifRule nolock = new SarifRule("ptlock.unchecked-nolock-write", "unchecked-nolock-write",
				"a PTE write through a lockless map with no recheck", "Jann Horn's rule: recheck pmd_same().",
				"https://example.org/ptlock/docs/LANGUAGE.md#static-rules");
		SarifFinding f = new SarifFinding("ptlock.unchecked-nolock-write", "set_pte() through p with no pmd_same()",
				new SourceLoc("specs/rules/mistakes.ptl", 76, 3, "\tset_pte(p, v);"),
				List.of("the counterexample of safe"), "race@x86_64");
		SarifFinding stray = new SarifFinding("ptlock.self-deadlock", "spin_lock(ptl) while holding it",
				new SourceLoc("specs/rules/mistakes.ptl", 80, 3, "\tspin_lock(ptl);"), List.of(), null);
		JsonObject run = run(List.of(), List.of(f, stray), List.of(nolock));
		List<JsonObject> results = results(run);
		assertEquals(2, results.size());
		JsonObject r = results.get(0);
		assertEquals("ptlock.unchecked-nolock-write", r.get("ruleId").getAsString());
		assertEquals(0, r.get("ruleIndex").getAsInt());
		assertEquals("warning", r.get("level").getAsString());
		assertEquals(76, physical(r).getAsJsonObject("region").get("startLine").getAsInt());
		assertTrue(r.getAsJsonObject("message").get("text").getAsString().contains("Confirmed by the counterexample of safe"));
		assertEquals("the counterexample of safe",
				r.getAsJsonObject("properties").getAsJsonArray("confirmedBy").get(0).getAsString());
		JsonObject described = rule(run, "ptlock.unchecked-nolock-write");
		assertEquals("Jann Horn's rule: recheck pmd_same().", described.getAsJsonObject("help").get("text").getAsString());
		assertEquals("https://example.org/ptlock/docs/LANGUAGE.md#static-rules", described.get("helpUri").getAsString());
		assertEquals("warning", described.getAsJsonObject("defaultConfiguration").get("level").getAsString());
		rule(run, "ptlock.self-deadlock"); // a code the catalogue lacks still has its rule
		assertEquals(1, results.get(1).get("ruleIndex").getAsInt());
	}

	@Test
	void absolutePathsAreFileUrisAndUnknownColumnsAreLeftOut() {
		Program p = Races.program("/home/me/my specs/mm.ptl", Map.of());
		SarifFinding f = new SarifFinding("ptlock.unbalanced-lock", "ends holding ptl",
				new SourceLoc("C:\\specs\\a.ptl", 7, 0, ""), List.of(), null);
		JsonObject run = run(List.of(Races.check(p, "sim", safe(Verdict.VIOLATED, null))), List.of(f), List.of());
		List<JsonObject> results = results(run);
		JsonObject artifact = physical(results.get(0)).getAsJsonObject("artifactLocation");
		assertEquals("file:///home/me/my%20specs/mm.ptl", artifact.get("uri").getAsString());
		assertFalse(artifact.has("uriBaseId"));
		JsonObject windows = physical(results.get(1));
		assertEquals("file:///C:/specs/a.ptl", windows.getAsJsonObject("artifactLocation").get("uri").getAsString());
		assertFalse(windows.getAsJsonObject("region").has("startColumn"));
	}

	@Test
	void relativePathsUseForwardSlashes() {
		assertEquals("specs/seed/mm.ptl", Locations.relativeUri("specs\\seed\\mm.ptl".replace('\\', '/')));
		assertEquals("./a:b.ptl", Locations.relativeUri("a:b.ptl"));
		assertEquals("specs/x%20y.ptl", Locations.relativeUri("./specs/x y.ptl"));
	}

	@Test
	void anEmptyRunIsValid() {
		JsonObject run = run(List.of(), List.of(), List.of());
		assertEquals(0, run.getAsJsonArray("results").size());
		assertTrue(run.getAsJsonArray("invocations").get(0).getAsJsonObject().get("executionSuccessful")
				.getAsBoolean());
	}

	@Test
	void helpUrisMustBeAbsolute() {
		assertThrows(IllegalArgumentException.class,
				() -> new SarifRule("ptlock.x", null, "x", null, "docs/LANGUAGE.md#static-rules"));
		assertThrows(IllegalArgumentException.class, () -> new SarifWriter("1", "docs/"));
	}
}
