package ptlock.ui.check;

import java.io.IOException;

import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;

/** The "ptlock" console: what a check prints, as the CLI would (the races drawn one column per CPU). */
public final class PtlockConsole {
	public static final String NAME = "ptlock";

	private PtlockConsole() {
	}

	/** The console, created on first use and shown in the Console view. */
	public static MessageConsole get() {
		for (IConsole c : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
			if (c instanceof MessageConsole m && NAME.equals(c.getName())) {
				return m;
			}
		}
		MessageConsole m = new MessageConsole(NAME, null);
		ConsolePlugin.getDefault().getConsoleManager().addConsoles(new IConsole[] { m });
		return m;
	}

	/**
	 * A new run: the console is cleared (one run's output, not all of them), titled, and brought to the front of the
	 * Console view (any thread).
	 */
	public static void startRun(String title) {
		MessageConsole c = get();
		c.clearConsole();
		print(title + "\n");
		ConsolePlugin.getDefault().getConsoleManager().showConsoleView(c);
	}

	/** Appends text (any thread). */
	public static void print(String text) {
		MessageConsole c = get();
		try (MessageConsoleStream s = c.newMessageStream()) {
			s.print(text);
		} catch (IOException e) {
			// a console stream does not fail on write; nothing to do on close
		}
	}
}
