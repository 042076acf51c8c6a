package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/**
 * The race drawing (ptlock.report.race): the same model in the CLI text and the JSON. The spec's race is reasoned
 * here, before the run: the two writers take different locks (the lock of table 1 and of table 2), so both can see
 * x == 0 and both increment it; x reaches 2 and the assertion of the CPU that runs it next fails. The shortest
 * such behaviour: both tests (true), each CPU's lock and increment, the unlock of the CPU that asserts first (its
 * path goes on only after it), then that assertion: 8 steps, the last one marked. (Written first as 7 steps,
 * forgetting that unlock: the tool's 8 is right.)
 */
class RaceDrawingTest {
	@TempDir
	Path dir;

	private static final String SPEC = """
			spec drawing;
			property exclusive "only one CPU increments x";
			const N_TABLES = 2;
			@names(owner, "lock of table", N_TABLES, "big lock", 1)
			const N_LOCKS = N_TABLES + 1;
			var owner: thread[N_LOCKS];
			var x: 0..2;
			atomic prim lock(l) {
				await(owner[l] == 0);
				owner[l] = self;
			}
			atomic prim unlock(l) {
				owner[l] = 0;
			}
			prim update(t) {
				lock(t);
				x = x + 1;
				unlock(t);
			}
			path writer(t) {
				if (x == 0)
					update(t);
				assert(x <= 1) as exclusive;
			}
			scenario race {
				thread cpu0 = writer(1);
				thread cpu1 = writer(2);
				expect exclusive violated;
				expect others holds;
			}
			""";

	private Path spec() throws IOException {
		Path f = dir.resolve("drawing.ptl");
		Files.writeString(f, SPEC);
		return f;
	}

	@Test
	void theJsonRaceHasCallsBranchesChangesInCAndTheFailingStep() throws IOException {
		CliRun r = CliRun.of("check", spec().toString(), "--json");
		assertEquals(ExitCode.OK, r.code(), r.err());
		JsonObject prop = property(JsonParser.parseString(r.out()), "exclusive");
		JsonObject race = prop.getAsJsonObject("race");
		assertEquals("scenario race", race.get("context").getAsString());
		assertEquals(List.of("cpu0: writer(1)", "cpu1: writer(2)"),
				race.getAsJsonArray("columns").asList().stream()
						.map(c -> c.getAsJsonObject().get("header").getAsString()).toList());
		JsonArray rows = race.getAsJsonArray("rows");
		List<JsonObject> calls = new ArrayList<>(), steps = new ArrayList<>();
		rows.forEach(e -> (e.getAsJsonObject().get("step").isJsonNull() ? calls : steps).add(e.getAsJsonObject()));
		// each CPU's call of the multi-step update() is a line with its argument's value; its steps are under it
		assertEquals(List.of("update(t = 1)", "update(t = 2)"),
				calls.stream().map(c -> c.get("text").getAsString()).sorted().toList());
		JsonObject lock0 = steps.stream().filter(s -> s.get("text").getAsString().equals("lock(t);")
				&& s.get("thread").getAsString().equals("cpu0")).findFirst().orElseThrow();
		assertEquals(1, lock0.get("depth").getAsInt());
		assertEquals("owner[lock of table 1] = cpu0", change(lock0));
		// both tests went the same way: x was still 0 for both
		List<JsonObject> tests = steps.stream().filter(s -> s.get("text").getAsString().equals("if (x == 0)")).toList();
		assertEquals(2, tests.size());
		tests.forEach(t -> assertEquals("true", t.get("outcome").getAsString()));
		// the increments, then the failing assertion: the last step, the only one marked
		assertEquals(8, steps.size(), "2 tests, 2 locks, 2 increments, 1 unlock, 1 assertion");
		JsonObject last = steps.get(steps.size() - 1);
		assertEquals("assert(x <= 1) as exclusive;", last.get("text").getAsString());
		assertTrue(last.get("failing").getAsBoolean());
		assertEquals(1, steps.stream().filter(s -> s.get("failing").getAsBoolean()).count());
		assertTrue(last.get("outcome").isJsonNull(), "an assertion is no branch");
		assertTrue(race.get("failure").getAsString().startsWith("exclusive fails after step 8 ("),
				race.get("failure").getAsString());
		String shared = race.getAsJsonArray("notes").asList().stream().map(JsonElement::getAsString)
				.filter(n -> n.startsWith("shared state: ")).findFirst().orElseThrow();
		assertTrue(shared.contains("owner = {[lock of table 1] = ") && shared.contains("[big lock] = nobody"), shared);
		assertTrue(shared.contains("x = 2"), shared);
	}

	@Test
	void theTextWrapsToTheWidthAndCutsNothing() throws IOException {
		Path f = spec();
		for (int width : List.of(40, 60, 200)) {
			CliRun r = CliRun.of("check", f.toString(), "--width", Integer.toString(width));
			assertEquals(ExitCode.OK, r.code(), r.err());
			String race = r.out().substring(r.out().indexOf("counterexample for exclusive"));
			race = race.substring(race.indexOf('\n') + 1, race.indexOf("\n\n"));
			for (String line : race.split("\n")) {
				assertTrue(line.length() <= width, width + ": " + line.length() + " characters: " + line);
			}
			assertFalse(race.contains("…"), "nothing is cut");
			// every line of kernel code is there whole (a wrapped cell continues on the next lines)
			String joined = race.replaceAll("\\s+", "");
			for (String cell : List.of("assert(x<=1)asexclusive;", "update(t=1)", "if(x==0)->true", "lock(t);",
					"x=x+1;", "cpu1:writer(2)")) {
				assertTrue(joined.contains(cell), width + ": " + cell + " in\n" + race);
			}
			assertTrue(race.lines().anyMatch(l -> l.matches(">>\\s+8\\s+.*")), "the failing step marked:\n" + race);
		}
		assertEquals(ExitCode.USAGE, CliRun.of("check", f.toString(), "--width", "10").code());
	}

	@Test
	void aPropertyThatHoldsHasNoDrawing() throws IOException {
		CliRun r = CliRun.of("check", spec().toString(), "--json");
		// nothing waits forever here (each lock is free when its one user takes it): no_deadlock holds, no race
		JsonObject holds = property(JsonParser.parseString(r.out()), "no_deadlock");
		assertEquals("holds", holds.get("verdict").getAsString());
		assertNull(holds.get("race"));
		assertNull(holds.get("trace"));
	}

	private static String change(JsonObject row) {
		JsonArray changes = row.getAsJsonArray("changes");
		assertEquals(1, changes.size(), changes.toString());
		JsonObject c = changes.get(0).getAsJsonObject();
		return c.get("target").getAsString() + " = " + c.get("value").getAsString();
	}

	private static JsonObject property(JsonElement doc, String name) {
		for (JsonElement r : doc.getAsJsonObject().getAsJsonArray("results")) {
			for (JsonElement p : r.getAsJsonObject().getAsJsonArray("properties")) {
				if (p.getAsJsonObject().get("property").getAsString().equals(name)) {
					return p.getAsJsonObject();
				}
			}
		}
		return null;
	}
}
