package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ptlock bench --peer spin on the small configuration: SPIN (installed by .ci/run from Debian's spin and gcc) and the
 * simulator on the same race, whose state spaces are equal by construction (specs/bench/spin-peer/README.md: one
 * kernel step per SPIN step, bijective encodings); the row says so. Without the tools it says how to install them.
 */
class SpinPeerTest {
	@TempDir
	Path dir;

	private static final SpinPeer.Config SMALL = SpinPeer.CONFIGS.get(0);

	@Test
	void spinAndTheSimulatorCountTheSameStatesSideBySide() throws IOException {
		SpinPeer peer = new SpinPeer(System.getenv("PATH"), CliRun.root().resolve(SpinPeer.DIR));
		assertEquals(List.of(), peer.missing(), "CI installs spin and gcc (.ci/run)");
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		ExitCode code = peer.compare(List.of(SMALL), dir, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		String table = out.toString(StandardCharsets.UTF_8);
		assertEquals(ExitCode.OK, code, table + err);
		String row = table.lines().filter(l -> l.startsWith("| small |")).findFirst().orElseThrow();
		String[] cells = row.split("\\|");
		assertTrue(cells[2].strip().matches("\\d+"), "one count for both, no '(ptlock N!)': " + row);
		assertTrue(Long.parseLong(cells[2].strip()) > 100, "a real search, not an empty one: " + row);
		assertTrue(Long.parseLong(cells[8].strip()) >= 0 && Double.parseDouble(cells[5].strip()) > 0, row);
	}

	@Test
	void withoutSpinItSaysHowToInstallIt() throws IOException {
		SpinPeer peer = new SpinPeer(dir.toString(), CliRun.root().resolve(SpinPeer.DIR));
		assertEquals(List.of("spin", "gcc"), peer.missing());
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ExitCode code = peer.compare(List.of(SMALL), dir, new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(ExitCode.CHECKER_FAILURE, code);
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("apt-get install spin gcc"), err.toString());
	}

	@Test
	void anUnknownPeerOrConfigurationIsAUsageError() {
		assertEquals(ExitCode.USAGE, CliRun.of("bench", "--peer", "nusmv").code());
		assertEquals(ExitCode.USAGE, CliRun.of("bench", "--peer", "spin", "--peer-config", "c9").code());
	}
}
