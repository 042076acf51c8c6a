package ptlock.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** TLC's -tool protocol, as TLC 2.18 prints it (recorded from a run). */
class ToolMessageReaderTest {
	static final String OUTPUT = """
			@!@!@STARTMSG 2262:0 @!@!@
			TLC2 Version 2.18 of 20 March 2023
			@!@!@ENDMSG 2262 @!@!@
			Parsing file /tmp/tlc/M.tla
			@!@!@STARTMSG 2110:1 @!@!@
			Invariant Inv is violated.
			@!@!@ENDMSG 2110 @!@!@
			@!@!@STARTMSG 2217:4 @!@!@
			1: <Initial predicate>
			/\\ pc_a = "L1"
			/\\ x = 0

			@!@!@ENDMSG 2217 @!@!@
			@!@!@STARTMSG 2217:4 @!@!@
			2: <A_L1 line 6, col 9 to line 6, col 49 of module M>
			/\\ pc_a = "L2"
			/\\ x = [ a |-> 1,
			      b |-> 2 ]

			@!@!@ENDMSG 2217 @!@!@
			""";

	@Test
	void splitsMessagesAndKeepsLooseText() {
		List<ToolMessage> msgs = new ArrayList<>();
		ToolMessageReader r = new ToolMessageReader(msgs::add);
		OUTPUT.lines().forEach(r::line);
		r.end();
		assertEquals(List.of(2262, -1, 2110, 2217, 2217), msgs.stream().map(ToolMessage::code).toList());
		assertEquals(ToolMessage.ERROR, msgs.get(2).severity());
		assertEquals("Invariant Inv is violated.", msgs.get(2).body());
	}

	@Test
	void stateValuesMaySpanLines() {
		List<ToolMessage> msgs = new ArrayList<>();
		ToolMessageReader r = new ToolMessageReader(msgs::add);
		OUTPUT.lines().forEach(r::line);
		r.end();
		var values = TraceParser.values(msgs.get(4).body().split("\n"));
		assertEquals("\"L2\"", values.get("pc_a"));
		assertEquals("[ a |-> 1, b |-> 2 ]", values.get("x"));
	}
}
