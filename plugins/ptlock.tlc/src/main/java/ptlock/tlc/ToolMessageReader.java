package ptlock.tlc;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits TLC's -tool output into messages; text outside messages (SANY's parse log) is kept as code -1. */
final class ToolMessageReader {
	private static final Pattern START = Pattern.compile("@!@!@STARTMSG (\\d+):(\\d+) @!@!@");
	private static final Pattern END = Pattern.compile("@!@!@ENDMSG (\\d+) @!@!@");

	private final Consumer<ToolMessage> sink;
	private final StringBuilder body = new StringBuilder();
	private int code = -1;
	private int severity;

	ToolMessageReader(Consumer<ToolMessage> sink) {
		this.sink = sink;
	}

	void line(String line) {
		Matcher s = START.matcher(line);
		if (s.matches()) {
			flushLoose();
			code = Integer.parseInt(s.group(1));
			severity = Integer.parseInt(s.group(2));
			return;
		}
		if (END.matcher(line).matches() && code >= 0) {
			sink.accept(new ToolMessage(code, severity, trimEnd(body)));
			body.setLength(0);
			code = -1;
			return;
		}
		body.append(line).append('\n');
	}

	void end() {
		if (code >= 0) {
			sink.accept(new ToolMessage(code, severity, trimEnd(body)));
		} else {
			flushLoose();
		}
		body.setLength(0);
	}

	private void flushLoose() {
		if (code < 0 && !body.toString().isBlank()) {
			sink.accept(new ToolMessage(-1, ToolMessage.INFO, trimEnd(body)));
		}
		if (code < 0) {
			body.setLength(0);
		}
	}

	private static String trimEnd(StringBuilder sb) {
		return sb.toString().stripTrailing();
	}
}
