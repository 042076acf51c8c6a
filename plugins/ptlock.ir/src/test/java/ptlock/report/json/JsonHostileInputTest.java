package ptlock.report.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.report.Json;

/**
 * Inputs that crashed, looped or were accepted by the hand-written reader: each is now one located message
 * ("FILE[:LINE:COLUMN]: $.path: what is wrong"), fast.
 */
class JsonHostileInputTest {
	/** A valid check result with one counterexample of two states. */
	static final String CHECK = """
			{
			  "schemaVersion": 2,
			  "results": [
			    {
			      "scenario": "s",
			      "arch": null,
			      "properties": [
			        {"property": "p", "verdict": "holds"},
			        {"property": "q", "verdict": "violated", "trace": [
			          {"thread": null, "state": {"x": 0, "t": ["Live"]}},
			          {"thread": "cpu0", "step": 1, "state": {"x": 1, "t": ["Detached"]}}
			        ]}
			      ]
			    }
			  ],
			  "findings": []
			}
			""";

	static final String MATRIX = """
			{
			  "schemaVersion": 2,
			  "spec": "m",
			  "order": ["p01"],
			  "archs": ["x86_64"],
			  "rows": [
			    {"patch": "p01", "changes": [], "cells": {"x86_64": {"verdict": "holds", "violations": []}}}
			  ]
			}
			""";

	private static String checkError(String text) {
		JsonDocumentException e = assertThrows(JsonDocumentException.class,
				() -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CheckDocument.read(Json.parse(text))));
		return e.describe("r.json");
	}

	private static String matrixError(String text) {
		JsonDocumentException e = assertThrows(JsonDocumentException.class,
				() -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> MatrixDocument.read(Json.parse(text))));
		return e.describe("m.json");
	}

	private static String replaced(String from, String to) {
		String s = CHECK.replace(from, to);
		assertEquals(false, s.equals(CHECK), "the test changed the document: " + from);
		return s;
	}

	@Test
	void theValidDocumentsRead() throws JsonDocumentException {
		CheckDocument c = CheckDocument.read(Json.parse(CHECK));
		assertEquals(1, c.results().size());
		CheckDocument.Counterexample q = c.results().get(0).counterexamples().get(0);
		assertEquals("q", q.property());
		assertEquals("$.results[0].properties[1].trace", q.path());
		assertEquals(2, q.trace().steps().size());
		// the state values are JSON in the file, TLA+ text (what the replay compares) once read
		assertEquals("<<\"Detached\">>", q.trace().steps().get(1).values().get("t"));
		assertEquals("1", q.trace().steps().get(1).values().get("x"));
		assertEquals(1, q.trace().steps().get(1).step());
		MatrixDocument m = MatrixDocument.read(Json.parse(MATRIX));
		assertEquals("p01", m.rows().get(0).patch());
		assertEquals(true, m.rows().get(0).cells().get("x86_64").holds());
	}

	@Test
	void trailingBackslash() {
		assertEquals("r.json:1:3: $: unterminated escape sequence", checkError("\"\\"));
		assertEquals("r.json:1:36: $.results[0]: unterminated escape sequence",
				checkError("{\"schemaVersion\": 2, \"results\": [\"\\"));
	}

	@Test
	void shortUnicodeEscape() {
		assertEquals("r.json:1:4: $: unterminated escape sequence", checkError("\"\\u12\""));
		assertEquals("r.json:1:10: $.a: malformed Unicode escape \\u12\"}", checkError("{\"a\": \"\\u12\"}"));
	}

	@Test
	void tenThousandDeepNesting() {
		String deep = "[".repeat(10_000) + "]".repeat(10_000);
		String msg = checkError(deep);
		assertEquals("r.json:1:66: $" + "[0]".repeat(64) + ": nested deeper than 64 levels", msg);
		assertEquals("r.json:1:" + (64 * 6 + 2) + ": $" + ".a".repeat(64) + ": nested deeper than 64 levels",
				checkError("{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000)));
	}

	@Test
	void wrongTypes() {
		assertEquals("r.json: $.results[0].scenario: expected a string, got the number 3",
				checkError(replaced("\"scenario\": \"s\"", "\"scenario\": 3")));
		assertEquals("r.json: $.results: expected an array, got an object",
				checkError(replaced("\"results\": [", "\"results\": {\"x\": [").replace("  ],\n  \"findings\"",
						"  ]},\n  \"findings\"")));
		assertEquals("r.json: $.results[0].properties[1].trace[1].step: expected an integer from 0 to 2147483647,"
				+ " got the string \"1\"", checkError(replaced("\"step\": 1", "\"step\": \"1\"")));
		assertEquals("r.json: $.results[0].arch: expected a string or null, got true",
				checkError(replaced("\"arch\": null", "\"arch\": true")));
		assertEquals("r.json: $.results[0].properties[1].trace[1].thread: expected the thread that ran the step,"
				+ " got null", checkError(replaced("\"thread\": \"cpu0\"", "\"thread\": null")));
		assertEquals("r.json: $.results[0].properties[0].verdict: unknown verdict \"fine\" (one of "
				+ String.join(", ", java.util.Arrays.stream(ptlock.ir.Verdict.values()).map(ptlock.ir.Verdict::code)
						.toList())
				+ ")", checkError(replaced("\"verdict\": \"holds\"", "\"verdict\": \"fine\"")));
	}

	@Test
	void missingField() {
		assertEquals("r.json: $.results[0].properties[1].property: missing",
				checkError(replaced("{\"property\": \"q\", ", "{")));
	}

	@Test
	void nullAndOtherNonDocuments() {
		assertEquals("r.json: $: expected a check result ('ptlock check --json'), got null", checkError("null"));
		assertEquals("r.json: $: expected a check result ('ptlock check --json'), got no JSON object",
				checkError("[]"));
		assertEquals("r.json: $: not a check result ('ptlock check --json'): it has no \"results\"",
				checkError("{\"schemaVersion\": 1}"));
		assertEquals("r.json:1:1: $: unexpected end of the file", checkError(""));
		assertEquals("r.json:2:1: $: unexpected end of the file", checkError("   \n"));
	}

	@Test
	void nullInsideTheDocument() {
		assertEquals("r.json: $.results[0].properties: expected an array, got null",
				checkError(replaced("\"properties\": [", "\"properties\": null, \"x\": [")));
		assertEquals("r.json: $.results[0].properties[1].trace: expected an array, got null",
				checkError(CHECK.replaceFirst("\"trace\": \\[(?s).*\\]\\}\n      \\]", "\"trace\": null}\n      ]")));
	}

	@Test
	void emptyTraceAndEmptyState() {
		assertEquals("r.json: $.results[0].properties[1].trace: an empty trace (a counterexample has at least its"
				+ " initial state)",
				checkError(CHECK.replaceFirst("\"trace\": \\[(?s).*\\]\\}\n      \\]", "\"trace\": []}\n      ]")));
		assertEquals("r.json: $.results[0].properties[1].trace[0].state: an empty state (a state gives every"
				+ " variable's value)",
				checkError(replaced("{\"x\": 0, \"t\": [\"Live\"]}", "{}")));
		assertEquals("r.json: $.results[0].properties[1].trace[0].thread: the initial state has thread null, got"
				+ " \"cpu1\"", checkError(replaced("{\"thread\": null", "{\"thread\": \"cpu1\"")));
	}

	@Test
	void theWrongKindOfDocument() {
		assertEquals("r.json: $: this is a matrix ('ptlock matrix --json'), not a check result ('ptlock check"
				+ " --json')", checkError(MATRIX));
		assertEquals("m.json: $: this is a check result ('ptlock check --json'), not a matrix ('ptlock matrix"
				+ " --json')", matrixError(CHECK));
		assertEquals("m.json: $: this is a matrix diff ('ptlock diff-matrix --json'), not a matrix ('ptlock matrix"
				+ " --json')", matrixError("{\"schemaVersion\": 1, \"flips\": []}"));
	}

	@Test
	void unknownOldOrMissingSchemaVersion() {
		assertEquals("r.json: $.schemaVersion: schema version 3 is not one this ptlock reads (it reads 2)",
				checkError(replaced("\"schemaVersion\": 2", "\"schemaVersion\": 3")));
		assertEquals("r.json: $.schemaVersion: written by an older ptlock (schemaVersion 1); run 'ptlock check"
				+ " --json' again", checkError(replaced("\"schemaVersion\": 2", "\"schemaVersion\": 1")));
		assertEquals("r.json: $.schemaVersion: schema version 0 is not one this ptlock reads (it reads 2)",
				checkError(replaced("\"schemaVersion\": 2", "\"schemaVersion\": 0")));
		assertEquals("r.json: $.schemaVersion: expected schema version 2, got the string \"2\"",
				checkError(replaced("\"schemaVersion\": 2", "\"schemaVersion\": \"2\"")));
		assertEquals("r.json: $: no \"schemaVersion\" (written by a ptlock older than schema version 1? write it"
				+ " again)", checkError(replaced("\"schemaVersion\": 2,", "")));
		// a matrix's shape did not change in version 2: one of version 1 still reads
		String old = MATRIX.replace("\"schemaVersion\": 2", "\"schemaVersion\": 1");
		assertEquals("p01", assertDoesNotThrow(() -> MatrixDocument.read(Json.parse(old))).rows().get(0).patch());
		assertEquals("m.json: $.schemaVersion: schema version 3 is not one this ptlock reads (it reads 1 to 2)",
				matrixError(MATRIX.replace("\"schemaVersion\": 2", "\"schemaVersion\": 3")));
	}

	@Test
	void hugeNumbers() {
		assertEquals("r.json: $.results[0].properties[1].trace[1].step: expected an integer from 0 to 2147483647,"
				+ " got the number 1E+999999999", checkError(replaced("\"step\": 1", "\"step\": 1e999999999")));
		assertEquals("r.json: $.results[0].properties[1].trace[1].step: expected an integer from 0 to 2147483647,"
				+ " got the number 99999999999999999999999",
				checkError(replaced("\"step\": 1", "\"step\": 99999999999999999999999")));
		assertEquals("r.json: $.results[0].properties[1].trace[1].step: expected an integer from 0 to 2147483647,"
				+ " got the number 1.5", checkError(replaced("\"step\": 1", "\"step\": 1.5")));
		assertEquals("r.json: $.results[0].properties[1].trace[1].step: expected an integer from 0 to 2147483647,"
				+ " got the number -1", checkError(replaced("\"step\": 1", "\"step\": -1")));
		assertEquals("r.json: $.schemaVersion: expected schema version 2, got the number 1E+999999999",
				checkError(replaced("\"schemaVersion\": 2", "\"schemaVersion\": 1e999999999")));
		assertEquals("r.json: $.results[0].properties[1].trace[0].state.x: an integer outside 64 bits: the number"
				+ " 1E+999999999", checkError(replaced("{\"x\": 0", "{\"x\": 1e999999999")));
	}

	@Test
	void malformedStateValues() {
		String at = "r.json: $.results[0].properties[1].trace[1].state";
		assertEquals(at + ".t[0]: expected a TLA+ value (an integer, true or false, a string, an array, a record"
				+ " object or {\"$set\": [...]}), got null", checkError(replaced("[\"Detached\"]", "[null]")));
		assertEquals(at + ".t[\"$set\"][1]: a set's integers are in ascending order, as TLC prints them: 1 after 2",
				checkError(replaced("[\"Detached\"]", "{\"$set\": [2, 1]}")));
		assertEquals(at + ".t[\"$set\"]: expected an array, got the number 1",
				checkError(replaced("[\"Detached\"]", "{\"$set\": 1}")));
		assertEquals(at + ".t[\"$sets\"]: not a record field: a field is a TLA+ name (a set is {\"$set\": [...]})",
				checkError(replaced("[\"Detached\"]", "{\"$sets\": []}")));
		assertEquals(at + ".x: expected an integer (TLA+ values here have no fractions), got the number 1.5",
				checkError(replaced("\"x\": 1,", "\"x\": 1.5,")));
		assertEquals(at + ".t[0]: an empty object (a record has fields; the empty set is {\"$set\": []})",
				checkError(replaced("[\"Detached\"]", "[{}]")));
		// the reader bounds its nesting (64 levels) before TlaJson sees the value
		assertEquals("r.json:11:" + (57 + 64) + ": $.results[0].properties[1].trace[1].state.t" + "[0]".repeat(56)
				+ ": nested deeper than 64 levels",
				checkError(replaced("[\"Detached\"]", "[".repeat(5000) + "]".repeat(5000))));
	}

	@Test
	void syntaxErrorsAreLocatedByLineAndColumn() {
		assertEquals("r.json:3:1: $.results[0]: unexpected end of the file",
				checkError("{\"schemaVersion\": 2,\n\"results\": [\n"));
		assertEquals("r.json:1:11: $: text after the JSON value", checkError("{\"a\": 1} x"));
		assertEquals("r.json:1:3: $: not strict JSON (text after the value, a comment, an unquoted or single-quoted"
				+ " string, NaN, a leading zero or a trailing comma)", checkError("{'a': 1}"));
		assertEquals("r.json: $.a: the name \"a\" twice in one object", checkError("{\"a\": 1, \"a\": 2}"));
	}

	@Test
	void matrixShape() {
		assertEquals("m.json: $.rows[0].cells.x86_64.verdict: expected \"holds\" or \"violated\", got the string"
				+ " \"ok\"", matrixError(MATRIX.replace("\"verdict\": \"holds\"", "\"verdict\": \"ok\"")));
		assertEquals("m.json: $.rows[0].cells.arm: an architecture that $.archs does not list",
				matrixError(MATRIX.replace("{\"x86_64\": {", "{\"arm\": {")));
		assertEquals("m.json: $.rows[0].cells.x86_64.violations: expected an array, got the string \"none\"",
				matrixError(MATRIX.replace("\"violations\": []", "\"violations\": \"none\"")));
	}

	@Test
	void filesThatAreNotUtf8(@TempDir Path tmp) throws IOException {
		Path f = tmp.resolve("latin1.json");
		Files.write(f, new byte[] { '"', (byte) 0xe9, '"' });
		JsonDocumentException e = assertThrows(JsonDocumentException.class, () -> Json.parse(f));
		assertEquals("latin1.json: not UTF-8 text", e.describe("latin1.json"));
	}
}
