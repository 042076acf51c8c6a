package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import ptlock.check.CheckStatus;
import ptlock.ir.Verdict;

/**
 * Every JSON document ptlock writes (check --json from both engines, with findings; matrix --json; diff-matrix --json)
 * validates against its schema in docs/schema, and the schemas reject what the readers reject.
 */
class JsonSchemaTest {
	@TempDir
	Path dir;

	private static Path schemaFile(String name) {
		return CliRun.root().resolve("docs/schema/" + name);
	}

	private static List<String> errors(String schema, String json) throws IOException {
		Schema s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(Files.readString(schemaFile(schema)));
		return s.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
	}

	private static void assertValid(String schema, String json) throws IOException {
		assertEquals(List.of(), errors(schema, json), schema);
	}

	private static String spec(String name) {
		return CliRun.root().resolve("specs/" + name).toString();
	}

	@Test
	void checkResultsOfTheSimulatorValidate() throws IOException {
		CliRun r = CliRun.of("check", spec("seed/jann_reuse.ptl"), "--scenario", "b_pte_free", "--json", "--out",
				dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		assertTrue(r.out().startsWith("{\n  \"schemaVersion\": 2,\n  \"results\": ["), r.out());
		assertTrue(r.out().contains("\"trace\": ["), r.out());
		// state values are JSON: tstate is an array of enum strings, not the text <<"Live">>
		assertTrue(r.out().matches("(?s).*\"tstate\": \\[\\s*\"Live\"\\s*\\].*"), r.out());
		assertValid("check-result.schema.json", r.out());
	}

	@Test
	void checkResultsOfTlcValidate() throws IOException {
		// TLC's state values are its own text: the schema must take them too (a small model: TLC runs once per
		// violated property)
		Path f = CliRun.write(dir, "v.ptl", CliRun.onPrelude("v", """
				property counted "the set flags are counted";
				var x: 0..20;
				var y: bool[3];
				init {
					y[1] = true;
				}
				path count() {
					for (c in 1..3) {
						if (y[c])
							x = x + 1;
					}
					assert(x == 2) as counted;
				}
				scenario s {
					thread cpu0 = count();
					expect counted violated;
					expect others holds;
				}
				"""));
		CliRun r = CliRun.of("check", f.toString(), "--engine", "both", "--json", "--out", dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		assertTrue(r.out().contains("\"engine\": \"tlc\"") && r.out().contains("\"trace\": ["), r.out());
		assertValid("check-result.schema.json", r.out());
		// TLC's text went to JSON and comes back as text the simulator's states compare equal to
		Path saved = Files.writeString(dir.resolve("both.json"), r.out());
		CliRun replay = CliRun.of("replay", f.toString(), saved.toString());
		assertEquals(ExitCode.OK, replay.code(), replay.out() + replay.err());
		assertEquals(2, replay.out().lines().filter(l -> l.contains("the counterexample for counted replays")).count(),
				replay.out());
	}

	@Test
	void checkResultsWithFindingsValidate() throws IOException {
		CliRun r = CliRun.of("check", spec("rules/mistakes.ptl"), "--json", "--out", dir.toString());
		assertTrue(r.out().contains("\"confirmedBy\": ["), r.out());
		assertValid("check-result.schema.json", r.out());
	}

	@Test
	void matricesAndTheirDiffValidate() throws IOException {
		Path a = dir.resolve("a.json");
		Path b = dir.resolve("b.json");
		String series = spec("seed/series_matrix.ptl");
		assertEquals(ExitCode.OK, CliRun.of("matrix", series, "--quiet", "--archs", "x86_64,powerpc64", "--json",
				a.toString(), "--out", dir.toString()).code());
		assertEquals(ExitCode.OK, CliRun.of("matrix", series, "--quiet", "--archs", "x86_64,powerpc64", "--order",
				"p01,p02,p03,p04,p09,p05,p06,p07,p08,p10,p11,p12", "--json", b.toString(), "--out", dir.toString())
				.code());
		assertValid("matrix.schema.json", Files.readString(a));
		assertValid("matrix.schema.json", Files.readString(b));
		CliRun d = CliRun.of("diff-matrix", a.toString(), b.toString(), "--json");
		assertEquals(ExitCode.OK, d.code(), d.err());
		assertTrue(d.out().startsWith("{\n  \"schemaVersion\": 2,\n  \"flips\": [\n    {\n      \"row\": "), d.out());
		assertValid("diff-matrix.schema.json", d.out());
	}

	@Test
	void theSchemasRejectWhatTheReadersReject() throws IOException {
		String check = """
				{"schemaVersion": 2, "results": [{"spec": "s", "scenario": "a", "arch": null, "patch": null,
				 "ignored": {}, "file": "s.ptl", "engine": "sim", "status": "completed", "message": null,
				 "distinctStates": 3, "depth": 2, "millis": 1, "properties": [{"property": "p", "verdict": "violated",
				 "expected": "holds", "asExpected": false,
				 "trace": [{"thread": null, "state": {"x": 0}},
				           {"thread": "cpu0", "step": 1, "code": "x = 1;", "location": "s.ptl:3:2", "state": {"x": 1}}]}]}],
				 "findings": []}
				""";
		assertValid("check-result.schema.json", check);
		assertFalse(errors("check-result.schema.json", check.replace("\"schemaVersion\": 2", "\"schemaVersion\": 1"))
				.isEmpty());
		assertFalse(errors("check-result.schema.json", check.replace("\"verdict\": \"violated\"", "\"verdict\": \"ok\""))
				.isEmpty());
		assertFalse(errors("check-result.schema.json", check.replace("{\"thread\": null, \"state\": {\"x\": 0}},",
				"")).isEmpty(), "a trace starts with the initial state");
		assertFalse(errors("check-result.schema.json", check.replace("{\"x\": 1}", "{}")).isEmpty());
		assertFalse(errors("check-result.schema.json", check.replace("\"step\": 1", "\"step\": \"1\"")).isEmpty());
		// every shape of value, nested
		assertValid("check-result.schema.json", check.replace("{\"x\": 1}", """
				{"x": -1, "b": true, "t": ["Live", "Free"], "e": [], "s": {"$set": [0, 2]}, "none": {"$set": []},
				 "r": [{"table": 1, "gen": 0, "cpus": {"$set": [1]}, "ok": false}]}"""));
		for (String value : List.of("null", "1.5", "{}", "{\"$set\": [1, 1]}", "{\"$set\": [], \"a\": 1}",
				"{\"$set\": 1}", "{\"a b\": 1}", "{\"$sets\": []}", "[null]")) {
			assertFalse(errors("check-result.schema.json", check.replace("{\"x\": 1}", "{\"x\": " + value + "}"))
					.isEmpty(), value);
		}
		String matrix = """
				{"schemaVersion": 2, "spec": "m", "order": ["p01"], "archs": ["arm"],
				 "rows": [{"patch": "p01", "changes": [], "cells": {"arm": {"verdict": "holds", "violations": []}}}]}
				""";
		assertValid("matrix.schema.json", matrix);
		// the matrix did not change shape in version 2: diff-matrix reads version 1 too
		assertValid("matrix.schema.json", matrix.replace("\"schemaVersion\": 2", "\"schemaVersion\": 1"));
		assertFalse(errors("matrix.schema.json", matrix.replace("\"schemaVersion\": 2", "\"schemaVersion\": 3"))
				.isEmpty());
		assertFalse(errors("matrix.schema.json", matrix.replace("\"verdict\": \"holds\"", "\"verdict\": \"violated\""))
				.isEmpty(), "violated with no violation");
		assertFalse(errors("diff-matrix.schema.json", "{\"schemaVersion\": 2, \"rows\": []}").isEmpty());
	}

	@Test
	void theSchemasAreDraft202012Schemas() throws IOException {
		Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
		for (String name : List.of("check-result.schema.json", "matrix.schema.json", "diff-matrix.schema.json")) {
			String text = Files.readString(schemaFile(name));
			assertTrue(text.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), name);
			assertEquals(List.of(), meta.validate(text, InputFormat.JSON).stream().map(Error::toString).toList(), name);
		}
	}

	@Test
	void theCheckSchemaListsEveryVerdictAndStatusCode() throws IOException {
		JsonObject props = JsonParser.parseString(Files.readString(schemaFile("check-result.schema.json")))
				.getAsJsonObject().getAsJsonObject("$defs");
		assertEquals(Arrays.stream(Verdict.values()).map(Verdict::code).toList(),
				codes(props.getAsJsonObject("verdict")));
		assertEquals(Arrays.stream(CheckStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList(),
				codes(props.getAsJsonObject("result").getAsJsonObject("properties").getAsJsonObject("status")));
	}

	private static List<String> codes(JsonObject enumSchema) {
		return enumSchema.getAsJsonArray("enum").asList().stream().map(e -> e.getAsString()).toList();
	}
}
