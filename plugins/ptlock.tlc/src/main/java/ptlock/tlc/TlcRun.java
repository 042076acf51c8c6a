package ptlock.tlc;

import java.util.List;

/** What one TLC process produced. */
record TlcRun(List<ToolMessage> messages, int exitCode, End end, String stderr) {
	enum End {
		EXITED, TIMEOUT, CANCELLED
	}
}
