package ptlock.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Malformed value text (a tampered saved trace) is an error with its column, never a loop or a crash. */
class ValueTextTest {
	private static String error(String text) {
		return assertThrows(IllegalArgumentException.class,
				() -> assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ValueText.normalize(text))).getMessage();
	}

	@Test
	void malformedTextIsAnErrorAtAColumn() {
		// each of these looped (until out of memory) or threw StringIndexOutOfBoundsException
		assertEquals("not a TLA+ value at column 3: expected a value (<<]>>)", error("<<]>>"));
		assertEquals("not a TLA+ value at column 4: expected ',' or '>>' (<<1)", error("<<1"));
		assertEquals("not a TLA+ value at column 3: a string that does not end (<<\"Live>>)", error("<<\"Live>>"));
		assertEquals("not a TLA+ value at column 2: expected '|->' ([kind = 1])", error("[kind = 1]"));
		assertEquals("not a TLA+ value at column 14: expected ',' or ']' ([a |-> 1 b |-> 2])", error("[a |-> 1 b |-> 2]"));
		assertEquals("not a TLA+ value at column 1: expected a value ()", error(""));
		assertEquals("not a TLA+ value at column 2: expected a value ({,})", error("{,}"));
	}

	@Test
	void wellFormedTextStillNormalises() {
		assertEquals("<<\"a\\\"b\", {1, 2}>>", ValueText.normalize("<< \"a\\\"b\" , {1, 2} >>"));
		assertEquals("[a |-> <<>>, b |-> [c |-> TRUE]]", ValueText.normalize("[b |-> [c |-> TRUE], a |-> << >>]"));
	}
}
