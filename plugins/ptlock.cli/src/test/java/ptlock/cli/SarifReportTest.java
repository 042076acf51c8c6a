package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * 'check --sarif' from the command line: valid SARIF 2.1.0 (the OASIS schema, shipped as test data of ptlock.ir),
 * a violated property at its failing statement with one thread flow per CPU, static findings with their rule.
 */
class SarifReportTest {
	@TempDir
	Path dir;

	static List<String> schemaErrors(Path sarif) throws IOException {
		String schema = Files.readString(
				CliRun.root().resolve("plugins/ptlock.ir/src/test/resources/sarif/sarif-schema-2.1.0.json"));
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema)
				.validate(Files.readString(sarif), InputFormat.JSON).stream().map(Error::toString).toList();
	}

	private static JsonObject run(Path sarif) throws IOException {
		return JsonParser.parseString(Files.readString(sarif)).getAsJsonObject().getAsJsonArray("runs").get(0)
				.getAsJsonObject();
	}

	private static List<JsonObject> results(JsonObject run, String ruleId) {
		List<JsonObject> out = new ArrayList<>();
		for (JsonElement e : run.getAsJsonArray("results")) {
			if (e.getAsJsonObject().get("ruleId").getAsString().equals(ruleId)) {
				out.add(e.getAsJsonObject());
			}
		}
		return out;
	}

	@Test
	void anUnexpectedViolationIsAnErrorAtTheFailingStatementWithTheRace() throws IOException {
		// free_immediately: the table is freed without RCU while handle_pte_fault()'s lockless walk still reads it
		// (the seed race); a copy of the spec expects no_use_after_free to hold, so the violation is unexpected
		Path specs = CliRun.copySpecs(dir);
		Path f = specs.resolve("seed/retract_vs_fault.ptl");
		Files.writeString(f, Files.readString(f).replaceFirst("expect no_use_after_free violated;",
				"expect no_use_after_free holds;"));
		Path sarif = dir.resolve("out/check.sarif");
		CliRun r = CliRun.of("check", f.toString(), "--scenario", "free_immediately", "--quiet", "--sarif",
				sarif.toString());
		assertEquals(ExitCode.UNEXPECTED_VERDICT, r.code(), r.err());
		assertEquals(List.of(), schemaErrors(sarif));
		List<JsonObject> uaf = results(run(sarif), "ptlock.property.no_use_after_free");
		assertEquals(1, uaf.size());
		JsonObject result = uaf.get(0);
		assertEquals("error", result.get("level").getAsString());
		// the failing statement: the fault's lockless read of the freed table (paths.ptl, handle_pte_fault)
		JsonObject where = result.getAsJsonArray("locations").get(0).getAsJsonObject()
				.getAsJsonObject("physicalLocation");
		assertTrue(where.getAsJsonObject("artifactLocation").get("uri").getAsString().endsWith("seed/paths.ptl"));
		String line = Files.readAllLines(specs.resolve("seed/paths.ptl"))
				.get(where.getAsJsonObject("region").get("startLine").getAsInt() - 1);
		assertTrue(line.contains("ptep_get_lockless"), line);
		JsonArray flows = result.getAsJsonArray("codeFlows").get(0).getAsJsonObject().getAsJsonArray("threadFlows");
		List<String> cpus = new ArrayList<>();
		flows.forEach(t -> cpus.add(t.getAsJsonObject().get("id").getAsString()));
		assertEquals(List.of("cpu0", "cpu1"), cpus, "one thread flow per CPU of the race");
	}

	@Test
	void aReportThatCannotBeWrittenNamesItsFile() throws IOException {
		// its folder would have to be inside a plain file
		Path plain = Files.writeString(dir.resolve("plain.txt"), "not a folder");
		Path sarif = plain.resolve("check.sarif");
		CliRun r = CliRun.of("check", CliRun.root().resolve("specs/seed/retract_vs_fault.ptl").toString(), "--quiet",
				"--scenario", "free_immediately", "--sarif", sarif.toString());
		assertEquals(ExitCode.CHECKER_FAILURE, r.code(), r.err());
		assertTrue(r.err().startsWith("ptlock: " + sarif + ": cannot be written there"), r.err());
		assertEquals("not a folder", Files.readString(plain));
	}

	@Test
	void staticFindingsAreWarningsWithTheirRuleOnceEach() throws IOException {
		// arm's adjust_pte() before patch 03 takes the ptl pte_lockptr() computes from the PMD read again: the
		// unchecked-nolock-write rule warns at its set_pte_at() (docs/LANGUAGE.md, static rules)
		Path sarif = dir.resolve("arm.sarif");
		CliRun r = CliRun.of("check", CliRun.root().resolve("specs/seed/arm_adjust_pte.ptl").toString(), "--sarif",
				sarif.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		assertEquals(List.of(), schemaErrors(sarif));
		JsonObject run = run(sarif);
		List<JsonObject> warnings = results(run, "ptlock.unchecked-nolock-write");
		assertEquals(1, warnings.size(), "one result per rule and statement, whatever the number of scenarios");
		assertEquals("warning", warnings.get(0).get("level").getAsString());
		boolean described = false;
		for (JsonElement rule : run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules")) {
			JsonObject o = rule.getAsJsonObject();
			described |= o.get("id").getAsString().equals("ptlock.unchecked-nolock-write") && o.has("help");
		}
		assertTrue(described, "the rule and its help are in the driver's rules");
	}
}
