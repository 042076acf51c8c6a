package ptlock.lang.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.lang.ide.fix.RecheckFix;
import ptlock.lang.load.Issue;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.validation.IssueCodes;

/**
 * The quick fix of ptlock.unchecked-nolock-write on the shipped specs, not only on a fixture: every such warning
 * that has a fix, fixed in a copy of the spec tree (specs include each other by relative path), is gone at its
 * place, and the fixed file and every shipped spec that includes it have no problem they did not have before
 * (errors, unbalanced locks or maps, other warnings).
 */
class QuickFixOnShippedSpecsTest {
	@Test
	void everyFixLeavesCodeTheValidatorAccepts(@TempDir Path tmp) throws IOException {
		Path root = Path.of("").toAbsolutePath();
		while (!Files.isDirectory(root.resolve("specs/seed"))) {
			root = root.getParent();
		}
		Path specs = tmp.resolve("specs");
		copyTree(root.resolve("specs"), specs);
		List<Path> files;
		try (Stream<Path> s = Files.walk(specs)) {
			files = s.filter(p -> p.toString().endsWith(".ptl")).sorted().toList();
		}
		SpecLoader loader = new SpecLoader();
		Map<Path, List<Issue>> before = new LinkedHashMap<>();
		Map<Path, Set<Path>> closure = new HashMap<>();
		for (Path f : files) {
			LoadedSpec l = loader.load(f);
			before.put(f, l.issues());
			closure.put(f, l.models().stream().map(m -> Path.of(m.eResource().getURI().toFileString()).normalize())
					.collect(Collectors.toSet()));
		}
		int fixed = 0;
		List<String> unfixed = new ArrayList<>();
		for (Path f : files) {
			String text = Files.readString(f);
			for (Issue w : own(f, before.get(f))) {
				if (!w.code().equals(IssueCodes.UNCHECKED_NOLOCK_WRITE)) {
					continue;
				}
				String where = specs.relativize(f) + ":" + w.line();
				Optional<RecheckFix.Edit> edit = RecheckFix.at(text, w.offset());
				if (edit.isEmpty()) {
					unfixed.add(where);
					continue;
				}
				fixed++;
				String after = edit.get().applyTo(text);
				int place = moved(text, after, edit.get(), w);
				Files.writeString(f, after);
				try {
					for (Path g : files) {
						if (!closure.get(g).contains(f.normalize())) {
							continue;
						}
						List<Issue> now = loader.load(g).issues();
						if (g.equals(f)) {
							assertTrue(own(f, now).stream().noneMatch(
									i -> i.code().equals(IssueCodes.UNCHECKED_NOLOCK_WRITE) && i.offset() == place),
									"the fix at " + where + " leaves the warning:\n" + after.substring(
											edit.get().offset(), edit.get().offset() + edit.get().text().length())
											+ "\n" + now);
						}
						List<String> expected = keys(before.get(g));
						if (g.equals(f)) {
							expected.remove(key(w));
						}
						for (String k : keys(now)) {
							assertTrue(expected.remove(k), "the fix at " + where + " gives a new problem in "
									+ specs.relativize(g) + ": " + k + "\nthe fix:\n" + edit.get().text());
						}
					}
				} finally {
					Files.writeString(f, text);
				}
			}
		}
		System.out.println("QuickFixOnShippedSpecsTest: " + fixed + " warnings fixed; no fix at " + unfixed);
		assertTrue(fixed > 0, "no ptlock.unchecked-nolock-write warning with a fix in the shipped specs");
		// the issue's case: arm's adjust_pte() before patch 03 (the ptl from pte_lockptr()) gets a fix
		assertEquals(List.of(), unfixed.stream().filter(u -> u.startsWith("seed/paths.ptl")).toList());
	}

	/** The issues located in the file itself. */
	private static List<Issue> own(Path f, List<Issue> issues) {
		return issues.stream().filter(i -> Path.of(i.file()).toAbsolutePath().normalize().equals(f.normalize()))
				.toList();
	}

	/** An issue without its position (the fix moves the lines after it). */
	private static String key(Issue i) {
		return i.severity() + " " + i.code() + " " + Path.of(i.file()).getFileName() + ": "
				+ i.message().replaceAll("\\.ptl:\\d+", ".ptl:_");
	}

	private static List<String> keys(List<Issue> issues) {
		return new ArrayList<>(issues.stream().map(QuickFixOnShippedSpecsTest::key).toList());
	}

	/** Where the flagged statement is in the fixed text. */
	private static int moved(String text, String after, RecheckFix.Edit e, Issue w) {
		if (w.offset() < e.offset()) {
			return w.offset();
		}
		if (w.offset() >= e.offset() + e.length()) {
			return w.offset() + e.text().length() - e.length();
		}
		String stmt = text.substring(w.offset(), text.indexOf(';', w.offset()) + 1);
		int in = e.text().indexOf(stmt);
		assertTrue(in >= 0, "the fix keeps the flagged statement: " + e.text());
		return e.offset() + in;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> s = Files.walk(from)) {
			for (Path p : s.toList()) {
				Path t = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(t);
				} else {
					Files.copy(p, t);
				}
			}
		}
	}
}
